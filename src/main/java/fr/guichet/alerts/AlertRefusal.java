package fr.guichet.alerts;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A choice of alerts that cannot be made; nothing of the form is saved. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class AlertRefusal extends Refusal {

    public enum Reason {
        CANNOT_BE_OFF,
        UNKNOWN_CHOICE
    }

    private final Reason reason;

    AlertRefusal(Reason reason, Object subject) {
        super("alerts.refused." + reason, subject);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
