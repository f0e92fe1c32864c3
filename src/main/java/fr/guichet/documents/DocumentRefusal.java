package fr.guichet.documents;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A document's details break a rule (no title, a folder name too long…): the page shows the
 * message of {@link #messageKey()} with {@link #arguments()}, nothing is changed.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class DocumentRefusal extends Refusal {

    public DocumentRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
