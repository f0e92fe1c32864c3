package fr.guichet.statistics;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Counts a connected service pushed that cannot be taken as sent (or a period that cannot be read); nothing is saved. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class CountsRefused extends Refusal {

    CountsRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
