package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;

/** An act the lifecycle does not allow here, with the message key that says why. */
public class TransitionRefused extends Refusal {

    public TransitionRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
