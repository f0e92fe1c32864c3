package fr.guichet.access;

import fr.guichet.shared.Refusal;

/** A request the rules refuse, with the message key that tells the person why. */
public class AccessRefusal extends Refusal {

    public AccessRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
