package fr.guichet.administration;

/**
 * A rule of the domain says no (a fourth super admin, deleting an organisation that still has
 * users…): the page shows the message of this key, nothing is changed.
 */
class AdministrationRefusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    AdministrationRefusal(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] arguments() {
        return arguments;
    }
}
