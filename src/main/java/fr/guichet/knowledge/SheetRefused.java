package fr.guichet.knowledge;

import fr.guichet.shared.Refusal;

/** An agent's edit of a sheet, or a public search, that cannot be done as asked (400, with the message). */
class SheetRefused extends Refusal {

    SheetRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
