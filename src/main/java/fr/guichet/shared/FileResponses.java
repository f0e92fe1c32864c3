package fr.guichet.shared;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.InvalidMimeTypeException;

/**
 * A download as an HTTP answer: streamed from the store (never whole in memory), always as an
 * attachment with the type detected at upload, so no file is ever rendered by the browser as a page.
 */
public final class FileResponses {

    private static final String UNNAMED = "fichier";

    private FileResponses() {}

    /**
     * @param fileName as stored; control and format characters are left out of the header whatever it holds
     * @param etag the file's SHA-256, or null
     * @param content the stream to send (closed by Spring once sent)
     */
    public static ResponseEntity<Resource> attachment(
            String fileName, String contentType, long size, String etag, InputStream content) {
        var type = MediaType.APPLICATION_OCTET_STREAM;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMimeTypeException unknown) {
            // stays application/octet-stream
        }
        var name = fileName == null ? "" : CleanText.line(fileName).strip();
        var answer = ResponseEntity.ok()
                .contentType(type)
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name.isEmpty() ? UNNAMED : name))
                .header("X-Content-Type-Options", "nosniff");
        if (etag != null) {
            answer.eTag("\"" + etag + "\"");
        }
        return answer.body(new InputStreamResource(content));
    }

    /** A CSV the portal writes (an export), in UTF-8, as an attachment named {@code fileName}: the caller gives the body. */
    public static ResponseEntity.BodyBuilder csv(String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
