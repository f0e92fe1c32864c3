package fr.guichet.releases;

import fr.guichet.documents.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One file of a release, kept by the documents' file store under a generated key. */
@Embeddable
class ReleaseFile {

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;

    @Column(name = "storage_key")
    private String storageKey;

    protected ReleaseFile() {}

    ReleaseFile(String fileName, StoredFile stored) {
        this.fileName = fileName;
        this.contentType = stored.contentType();
        this.size = stored.size();
        this.sha256 = stored.sha256();
        this.storageKey = stored.key();
    }

    String fileName() {
        return fileName;
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
}
