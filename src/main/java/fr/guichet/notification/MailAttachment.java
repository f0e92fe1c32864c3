package fr.guichet.notification;

import fr.guichet.shared.CleanText;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MimeType;

/**
 * A file an e-mail carries (a convocation's PDF, a calendar invitation): its name as the reader
 * sees it, its content type as given ({@code text/calendar; charset=UTF-8; method=REQUEST} stays
 * whole, or mail programs would not offer to add the event), its bytes. The bytes are copied in and
 * out: a caller changing its array after enqueueing must not change what is sent.
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

    /** What the file name column holds, and what every file system accepts. */
    static final int MAX_FILE_NAME = 255;

    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (!safe(fileName)) {
            throw new IllegalArgumentException("an attachment needs a plain file name (no folder, no control or "
                    + "invisible character, at most " + MAX_FILE_NAME + " characters): " + fileName);
        }
        if (contentType.isBlank() || !contentType.equals(CleanText.line(contentType)) || contentType.length() > 255) {
            throw new IllegalArgumentException("an attachment needs a content type on one line: " + contentType);
        }
        // throws InvalidMimeTypeException, an IllegalArgumentException, for "pdf" or "text/"
        MimeType.valueOf(contentType);
        content = content.clone();
    }

    /** A copy: the record's own bytes stay as they were given. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    int size() {
        return content.length;
    }

    /**
     * Written as is to the reader's disk and into headers: a name, never a path ("../x", "a/b"), and
     * nothing a header or a reader's eye would take for something else (line breaks, U+202E).
     */
    private static boolean safe(String fileName) {
        return !fileName.isBlank()
                && fileName.equals(fileName.strip())
                && fileName.length() <= MAX_FILE_NAME
                && fileName.equals(CleanText.line(fileName))
                && fileName.indexOf('/') < 0
                && fileName.indexOf('\\') < 0
                && !fileName.equals(".")
                && !fileName.equals("..");
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof MailAttachment that
                && fileName.equals(that.fileName)
                && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
