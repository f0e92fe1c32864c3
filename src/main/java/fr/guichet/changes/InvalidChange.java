package fr.guichet.changes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What was typed cannot make a request (a field missing, not an address, two servers of one name):
 * the API answers 422 with the sentence the form shows, where a refusal of the state of things
 * (one already pending, decided already) answers 409.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class InvalidChange extends ChangeRefusal {

    public InvalidChange(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
