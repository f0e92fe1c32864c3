package fr.guichet.documents;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamSource;

/**
 * A file ready to be sent: its name (safe for a Content-Disposition header), type, size and
 * SHA-256 (an ETag), and its bytes, opened only when the caller streams them: no database
 * transaction and no copy in memory while they travel.
 */
public record DocumentDownload(
        String fileName, String contentType, long size, String sha256, InputStreamSource content) {

    /** The caller closes it. */
    public InputStream open() throws IOException {
        return content.getInputStream();
    }
}
