package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;

/** A ticket that may not be filed here, with the message key that says why and whom to ask. */
public class FilingRefused extends Refusal {

    public FilingRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
