package fr.guichet.documents;

/**
 * An upload the store would not keep; nothing of it is left on disk. The page shows the message
 * of {@link #messageKey()} with {@link #arguments()}.
 */
public class FileRefused extends RuntimeException {

    public enum Reason {
        TOO_LARGE("files.refused.too-large"),
        TYPE_NOT_ALLOWED("files.refused.type-not-allowed"),
        EMPTY("files.refused.empty");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Reason reason;
    private final transient Object[] arguments;

    public FileRefused(Reason reason, Object... arguments) {
        super(reason.messageKey);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
