package fr.guichet.releases;

import fr.guichet.shared.Refusal;

/** A release or a project address that may not be made, with the message key that says why. */
public class ReleaseRefusal extends Refusal {

    public ReleaseRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
