package fr.guichet.branding;

import java.io.InputStream;
import java.time.Duration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An image as an answer: the type detected when it was accepted (never one the browser would
 * guess: nosniff), its SHA-256 as ETag. A published image is public and cached for a while (its
 * address carries its version); a draft's is the manager's alone and never kept.
 */
final class ImageResponses {

    private ImageResponses() {}

    static ResponseEntity<Resource> publicly(StoredImage image, InputStream content) {
        return answer(image, content, CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    static ResponseEntity<Resource> privately(StoredImage image, InputStream content) {
        return answer(image, content, CacheControl.noStore().cachePrivate());
    }

    private static ResponseEntity<Resource> answer(StoredImage image, InputStream content, CacheControl cache) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .contentLength(image.size())
                .cacheControl(cache)
                .eTag("\"" + image.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }
}
