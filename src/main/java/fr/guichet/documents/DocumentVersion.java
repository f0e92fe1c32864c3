package fr.guichet.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One file a document has had; never changed once written. */
@Entity
@Table(name = "document_version")
class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    private Document document;

    @Column(name = "version_number")
    private int number;

    /** As the uploader named it, made safe for a Content-Disposition header. */
    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "uploaded_by")
    private long uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected DocumentVersion() {}

    DocumentVersion(Document document, int number, Document.Upload upload) {
        this.document = document;
        this.number = number;
        this.fileName = DocumentNames.fileName(upload.fileName());
        this.contentType = upload.file().contentType();
        this.size = upload.file().size();
        this.sha256 = upload.file().sha256();
        this.storageKey = upload.file().key();
        this.uploadedBy = upload.by();
        this.uploadedAt = upload.at();
    }

    Document document() {
        return document;
    }

    int number() {
        return number;
    }

    /** Made safe again as it is read: a name stored before control and format characters were left out may hold some. */
    String fileName() {
        return DocumentNames.fileName(fileName);
    }

    String contentType() {
        return contentType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }

    long uploadedBy() {
        return uploadedBy;
    }

    Instant uploadedAt() {
        return uploadedAt;
    }
}
