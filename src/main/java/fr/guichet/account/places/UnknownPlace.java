package fr.guichet.account.places;

import fr.guichet.shared.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A code no région, département or country has: what was sent is wrong, nothing is kept. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class UnknownPlace extends Refusal {

    UnknownPlace(@Nullable String code) {
        super("places.unknown", String.valueOf(code));
    }
}
