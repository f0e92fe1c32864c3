package fr.guichet.documents;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A file of a document space, with every version it has had. */
@Entity
@Table(name = "document")
class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_kind")
    private String ownerKind;

    @Column(name = "owner_id")
    private long ownerId;

    @Enumerated(EnumType.STRING)
    private Area area;

    @Enumerated(EnumType.STRING)
    private Family family;

    private String folder;

    private String title;

    @Column(name = "current_version")
    private int currentVersion;

    /** Changed only by one UPDATE per download ({@link DocumentRepository#countDownload}), never through here. */
    @Column(name = "download_count", insertable = false, updatable = false)
    private long downloadCount;

    @Column(name = "created_by")
    private long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "document", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    private List<DocumentVersion> versions = new ArrayList<>();

    protected Document() {}

    Document(String ownerKind, long ownerId, Area area, Family family, String folder, String title, Upload first) {
        this.ownerKind = ownerKind;
        this.ownerId = ownerId;
        this.area = area;
        this.family = family;
        this.folder = DocumentNames.folder(folder);
        this.title = DocumentNames.title(title);
        this.createdBy = first.by();
        this.createdAt = first.at();
        addVersion(first);
    }

    /** A file as uploaded: what the store kept, under which name, by whom, when. */
    record Upload(StoredFile file, String fileName, long by, Instant at) {}

    /** The new file becomes the current one; the older ones stay. */
    DocumentVersion replace(Upload upload) {
        return addVersion(upload);
    }

    private DocumentVersion addVersion(Upload upload) {
        currentVersion++;
        var added = new DocumentVersion(this, currentVersion, upload);
        versions.add(added);
        return added;
    }

    boolean belongsTo(String ownerKind, long ownerId) {
        return this.ownerKind.equals(ownerKind) && this.ownerId == ownerId;
    }

    DocumentVersion current() {
        return version(currentVersion).orElseThrow();
    }

    Optional<DocumentVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    List<DocumentVersion> versions() {
        return List.copyOf(versions);
    }

    List<String> storageKeys() {
        return versions.stream().map(DocumentVersion::storageKey).toList();
    }

    DocumentId id() {
        return new DocumentId(id);
    }

    Area area() {
        return area;
    }

    Family family() {
        return family;
    }

    String folder() {
        return folder;
    }

    String title() {
        return title;
    }

    int currentVersion() {
        return currentVersion;
    }

    long downloadCount() {
        return downloadCount;
    }
}
