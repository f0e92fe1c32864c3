package fr.guichet.helpdesk;

/** An act the lifecycle does not allow here, with the message key that says why. */
public class TransitionRefused extends RuntimeException {

    public TransitionRefused(String messageKey) {
        super(messageKey);
    }

    public String messageKey() {
        return getMessage();
    }
}
