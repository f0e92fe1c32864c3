package fr.guichet.helpdesk;

/** A ticket that may not be filed here, with the message key that says why and whom to ask. */
public class FilingRefused extends RuntimeException {

    private final transient Object[] arguments;

    public FilingRefused(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
