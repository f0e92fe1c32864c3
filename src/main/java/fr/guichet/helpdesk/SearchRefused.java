package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A search that cannot be answered as asked (a contact name that stands for too many people). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class SearchRefused extends Refusal {

    public SearchRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
