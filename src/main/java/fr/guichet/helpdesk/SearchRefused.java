package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;

/** A search that cannot be answered as asked (a contact name that stands for too many people). */
class SearchRefused extends Refusal {

    SearchRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
