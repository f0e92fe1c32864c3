package fr.guichet.news;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An announcement as pages and the API show it: its body as sanitised HTML, and for the person
 * reading whether he read it; for agents, how far its sending has gone.
 */
public record AnnouncementView(
        long id,
        String title,
        String html,
        AnnouncementKind kind,
        @Nullable String productName,
        Instant publishAt,
        @Nullable Instant expiresAt,
        AnnouncementStatus status,
        @Nullable Integer audienceSize,
        @Nullable Integer told,
        boolean read,
        @Nullable String attachmentName) {

    /** How far the sending went, in percent; a sent announcement with nobody to tell is done. */
    public int progress() {
        if (status == AnnouncementStatus.SENT) {
            return 100;
        }
        return audienceSize == null || told == null || audienceSize == 0
                ? 0
                : (int) Math.min(100, told * 100L / audienceSize);
    }
}
