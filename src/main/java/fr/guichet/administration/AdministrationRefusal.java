package fr.guichet.administration;

import fr.guichet.shared.Refusal;

/**
 * A rule of the domain says no (a fourth super admin, deleting an organisation that still has
 * users…): the page shows the message of this key, nothing is changed.
 */
class AdministrationRefusal extends Refusal {

    AdministrationRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
