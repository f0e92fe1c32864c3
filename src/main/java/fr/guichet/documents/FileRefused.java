package fr.guichet.documents;

import fr.guichet.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An upload the store would not keep; nothing of it is left on disk. The page shows the message
 * of {@link #messageKey()} with {@link #arguments()}.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class FileRefused extends Refusal {

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

    public FileRefused(Reason reason, Object... arguments) {
        super(reason.messageKey, arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
