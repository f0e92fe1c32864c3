package fr.guichet.documents;

/**
 * A document's details break a rule (no title, a folder name too long…): the page shows the
 * message of {@link #messageKey()} with {@link #arguments()}, nothing is changed.
 */
public class DocumentRefused extends RuntimeException {

    private final transient Object[] arguments;

    public DocumentRefused(String messageKey, Object... arguments) {
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
