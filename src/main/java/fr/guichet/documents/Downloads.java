package fr.guichet.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A download as an HTTP answer: streamed from the store (never whole in memory), always as an
 * attachment with the type detected at upload, so no file is ever rendered by the browser as a page.
 */
final class Downloads {

    private Downloads() {
    }

    static ResponseEntity<Resource> answer(DocumentDownload download) throws IOException {
        var type = MediaType.APPLICATION_OCTET_STREAM;
        try {
            type = MediaType.parseMediaType(download.contentType());
        } catch (org.springframework.util.InvalidMimeTypeException unknown) {
            // stays application/octet-stream
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(download.size())
                .eTag("\"" + download.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(download.open()));
    }
}
