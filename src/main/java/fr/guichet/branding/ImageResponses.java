package fr.guichet.branding;

import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An image as an answer: the type detected when it was accepted (never one the browser would
 * guess: nosniff), its SHA-256 as ETag. A published image is public and cached for a while (its
 * address carries its version); a draft's is the manager's alone and never kept. A browser that
 * has it already is told so before the file is even opened.
 */
final class ImageResponses {

    private ImageResponses() {}

    static ResponseEntity<Resource> publicly(
            StoredImage image, @Nullable String ifNoneMatch, Supplier<InputStream> content) {
        return answer(
                image,
                ifNoneMatch,
                content,
                CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }

    static ResponseEntity<Resource> privately(
            StoredImage image, @Nullable String ifNoneMatch, Supplier<InputStream> content) {
        return answer(image, ifNoneMatch, content, CacheControl.noStore().cachePrivate());
    }

    private static ResponseEntity<Resource> answer(
            StoredImage image, @Nullable String ifNoneMatch, Supplier<InputStream> content, CacheControl cache) {
        var etag = "\"" + image.sha256() + "\"";
        if (ifNoneMatch != null
                && Arrays.stream(ifNoneMatch.split(","))
                        .map(t -> t.strip().replaceFirst("^W/", ""))
                        .anyMatch(t -> t.equals(etag) || t.equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .cacheControl(cache)
                    .eTag(etag)
                    .build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .contentLength(image.size())
                .cacheControl(cache)
                .eTag(etag)
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content.get()));
    }
}
