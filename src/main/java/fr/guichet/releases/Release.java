package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.shared.CleanText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A release of a product ("livraison"): a patch or a version, tied to one of the product's versions,
 * with its notes and files. A draft until published; published once (the version column makes the
 * second of two agents publishing at once fail instead of telling every establishment twice).
 */
@Entity
@Table(name = "product_release")
class Release {

    static final int TITLE_MAX = 200;
    static final int NOTES_MAX = 10_000;
    static final int FILES_MAX = 10;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id")
    private long productId;

    @Column(name = "version_id")
    private long versionId;

    @Enumerated(EnumType.STRING)
    private ReleaseKind kind;

    private String title;

    private String notes;

    @Enumerated(EnumType.STRING)
    private ReleaseStatus status;

    @Column(name = "created_by")
    private @Nullable Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "published_by")
    private @Nullable Long publishedBy;

    @Column(name = "published_at")
    private @Nullable Instant publishedAt;

    @ElementCollection
    @CollectionTable(name = "product_release_file", joinColumns = @JoinColumn(name = "release_id"))
    @OrderColumn(name = "position")
    private List<ReleaseFile> files = new ArrayList<>();

    @Version
    private long version;

    protected Release() {}

    /**
     * @throws ReleaseRefusal without a kind, a title or notes, or with more than they may hold
     */
    Release(
            ProductId product,
            long versionId,
            @Nullable ReleaseKind kind,
            @Nullable String title,
            @Nullable String notes,
            AccountId author,
            Instant now) {
        this.productId = product.value();
        this.versionId = versionId;
        this.kind = required(kind, "releases.kind.required");
        this.title = checked(title == null ? "" : CleanText.line(title).strip(), TITLE_MAX, "releases.title");
        this.notes = checked(notes == null ? "" : CleanText.text(notes).strip(), NOTES_MAX, "releases.notes");
        this.status = ReleaseStatus.DRAFT;
        this.createdBy = author.value();
        this.createdAt = now;
    }

    /** Checked before any file is stored, so that a bad form costs no transfer. */
    static void checkFileCount(int count) {
        if (count > FILES_MAX) {
            throw new ReleaseRefusal("releases.files.too-many", FILES_MAX);
        }
    }

    void attach(ReleaseFile file) {
        if (status != ReleaseStatus.DRAFT) {
            throw new ReleaseRefusal("releases.published-already");
        }
        checkFileCount(files.size() + 1);
        files.add(file);
    }

    /** @throws ReleaseRefusal published already, or nothing to download */
    void publish(AccountId agent, Instant now) {
        if (status != ReleaseStatus.DRAFT) {
            throw new ReleaseRefusal("releases.published-already");
        }
        if (files.isEmpty()) {
            throw new ReleaseRefusal("releases.files.required");
        }
        status = ReleaseStatus.PUBLISHED;
        publishedBy = agent.value();
        publishedAt = now;
    }

    boolean published() {
        return status == ReleaseStatus.PUBLISHED;
    }

    /** The trail's words for it. */
    String subject() {
        return kind + " " + title + " (release " + id + ", product " + productId + ")";
    }

    private static <T> T required(@Nullable T value, String key) {
        if (value == null) {
            throw new ReleaseRefusal(key);
        }
        return value;
    }

    private static String checked(String text, int max, String key) {
        if (text.isEmpty()) {
            throw new ReleaseRefusal(key + ".required");
        }
        if (text.length() > max) {
            throw new ReleaseRefusal(key + ".too-long", max);
        }
        return text;
    }

    ReleaseId id() {
        return new ReleaseId(id);
    }

    ProductId product() {
        return new ProductId(productId);
    }

    long versionId() {
        return versionId;
    }

    ReleaseKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String notes() {
        return notes;
    }

    ReleaseStatus status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant publishedAt() {
        return publishedAt;
    }

    List<ReleaseFile> files() {
        return List.copyOf(files);
    }
}
