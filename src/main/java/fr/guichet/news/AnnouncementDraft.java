package fr.guichet.news;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an agent writes: the body in Markdown (shown sanitised), the date it is published (now when
 * none or past), an optional expiry, and its target. A product's communication names its product.
 */
public record AnnouncementDraft(
        String title,
        String body,
        AnnouncementKind kind,
        @Nullable Long productId,
        @Nullable Instant publishAt,
        @Nullable Instant expiresAt,
        Target target) {

    public AnnouncementDraft {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
        if (title.isEmpty()) {
            throw new AnnouncementRefusal("news.refused.title-required");
        }
        if (title.length() > 200) {
            throw new AnnouncementRefusal("news.refused.title-too-long", 200);
        }
        if (body.isEmpty()) {
            throw new AnnouncementRefusal("news.refused.body-required");
        }
        if (body.length() > 50_000) {
            throw new AnnouncementRefusal("news.refused.body-too-long", 50_000);
        }
        if (kind == null) {
            kind = AnnouncementKind.NEWS;
        }
        if (kind.aboutAProduct() && productId == null) {
            throw new AnnouncementRefusal("news.refused.product-required");
        }
    }
}
