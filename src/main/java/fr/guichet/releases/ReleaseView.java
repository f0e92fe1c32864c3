package fr.guichet.releases;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A release as its readers see it; its files are numbered from 0 in the order they were given. */
public record ReleaseView(
        ReleaseId id,
        long productId,
        ReleaseKind kind,
        ReleaseStatus status,
        String version,
        String title,
        String notes,
        Instant createdAt,
        @Nullable Instant publishedAt,
        List<FileView> files) {

    public record FileView(int number, String fileName, long size, String contentType) {}
}
