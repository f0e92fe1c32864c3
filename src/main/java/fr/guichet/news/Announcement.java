package fr.guichet.news;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "announcement")
class Announcement {

    @Embeddable
    record Aim(@Enumerated(EnumType.STRING) Criterion criterion, String aimedAt) {}

    /** A file that goes with it, kept by the documents module's store. */
    record Attachment(String key, String name, String contentType, long size) {}

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String body;

    @Enumerated(EnumType.STRING)
    private AnnouncementKind kind;

    @Column(name = "product_id")
    private Long productId;

    @Column(name = "attachment_key")
    private String attachmentKey;

    @Column(name = "attachment_name")
    private String attachmentName;

    @Column(name = "attachment_type")
    private String attachmentType;

    @Column(name = "attachment_size")
    private Long attachmentSize;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private boolean everyone;

    private boolean silent;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "announcement_target", joinColumns = @JoinColumn(name = "announcement_id"))
    private Set<Aim> aims = new HashSet<>();

    @Enumerated(EnumType.STRING)
    private AnnouncementStatus status;

    @Column(name = "audience_size")
    private int audienceSize;

    private int told;

    @Column(name = "author_id")
    private long authorId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Announcement() {}

    Announcement(AnnouncementDraft draft, @Nullable Attachment attachment, long authorId, Instant now) {
        this.title = draft.title();
        this.body = draft.body();
        this.kind = draft.kind();
        this.productId = draft.productId();
        this.publishAt = draft.publishAt() == null || draft.publishAt().isBefore(now) ? now : draft.publishAt();
        this.expiresAt = draft.expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(publishAt)) {
            throw new AnnouncementRefusal("news.refused.expires-before");
        }
        this.everyone = draft.target().everyone();
        draft.target().criteria().forEach((criterion, values) -> values.forEach(v -> aims.add(new Aim(criterion, v))));
        if (attachment != null) {
            this.attachmentKey = attachment.key();
            this.attachmentName = attachment.name();
            this.attachmentType = attachment.contentType();
            this.attachmentSize = attachment.size();
        }
        this.status = AnnouncementStatus.SCHEDULED;
        this.authorId = authorId;
        this.createdAt = now;
    }

    private void become(AnnouncementStatus next) {
        if (!status.mayBecome(next)) {
            throw new AnnouncementRefusal("news.refused.status", status.name());
        }
        status = next;
    }

    /** Its audience is fixed: from now on it shows to them, and they are told in batches. */
    void startSending(int audience, Instant now) {
        become(AnnouncementStatus.SENDING);
        this.audienceSize = audience;
        this.publishedAt = now;
    }

    /** Shown to its audience, e-mailed to nobody. */
    void silence() {
        silent = true;
    }

    boolean silent() {
        return silent;
    }

    void toldMore(int people) {
        told += people;
    }

    void sent() {
        become(AnnouncementStatus.SENT);
    }

    void withdraw() {
        become(AnnouncementStatus.WITHDRAWN);
    }

    Target target() {
        var criteria = new EnumMap<Criterion, Set<String>>(Criterion.class);
        for (var aim : aims) {
            criteria.computeIfAbsent(aim.criterion(), c -> new HashSet<>()).add(aim.aimedAt());
        }
        return new Target(everyone, Map.copyOf(criteria));
    }

    long id() {
        return id;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    AnnouncementKind kind() {
        return kind;
    }

    @Nullable
    Long productId() {
        return productId;
    }

    @Nullable
    Attachment attachment() {
        return attachmentKey == null
                ? null
                : new Attachment(attachmentKey, attachmentName, attachmentType, attachmentSize);
    }

    Instant publishAt() {
        return publishAt;
    }

    @Nullable
    Instant expiresAt() {
        return expiresAt;
    }

    AnnouncementStatus status() {
        return status;
    }

    int audienceSize() {
        return audienceSize;
    }

    int told() {
        return told;
    }

    long authorId() {
        return authorId;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant publishedAt() {
        return publishedAt;
    }
}
