package fr.guichet.access;

/** A request the rules refuse, with the message key that tells the person why. */
public class AccessRefusal extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    public AccessRefusal(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
