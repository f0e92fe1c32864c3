package fr.guichet.changes;

import fr.guichet.shared.Refusal;

/** A change request that may not be made or decided, with the message key that says why. */
public class ChangeRefusal extends Refusal {

    public ChangeRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
