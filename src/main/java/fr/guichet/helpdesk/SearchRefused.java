package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;

/** A search that cannot be answered as asked (a contact name that stands for too many people). */
public class SearchRefused extends Refusal {

    public SearchRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
