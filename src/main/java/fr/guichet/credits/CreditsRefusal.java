package fr.guichet.credits;

import fr.guichet.shared.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A movement or a setting that cannot be recorded, and why (message keys): nothing was saved. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class CreditsRefusal extends Refusal {

    private static final List<String> CONFLICTS = List.of("credits.error.ref-used", "credits.error.already-corrected");

    private final List<String> messageKeys;

    CreditsRefusal(List<String> messageKeys) {
        super(messageKeys.get(0));
        this.messageKeys = List.copyOf(messageKeys);
    }

    static CreditsRefusal of(List<String> messageKeys) {
        return CONFLICTS.contains(messageKeys.get(0)) ? new Conflict(messageKeys) : new CreditsRefusal(messageKeys);
    }

    List<String> messageKeys() {
        return messageKeys;
    }

    /** The ledger's state says no: the reference is taken, the movement already corrected. */
    @ResponseStatus(HttpStatus.CONFLICT)
    static class Conflict extends CreditsRefusal {
        Conflict(List<String> messageKeys) {
            super(messageKeys);
        }
    }
}
