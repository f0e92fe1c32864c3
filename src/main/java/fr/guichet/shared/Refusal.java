package fr.guichet.shared;

/**
 * A rule of the domain says no: the page (or the API's problem detail) shows the message of
 * {@link #messageKey()} with {@link #arguments()}, and nothing is changed. Each module names its
 * own (an access request refused, a filing refused…). The API answers 409, or the status the
 * subclass declares with {@code @ResponseStatus} when what was sent, not the state, is refused.
 */
public abstract class Refusal extends RuntimeException {

    private final transient Object[] arguments;

    protected Refusal(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
