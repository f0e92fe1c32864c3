package fr.guichet.knowledge;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An agent's edit of a sheet, or a public search, that cannot be done as asked (400, with the message). */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class SheetRefused extends Refusal {

    SheetRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
