package fr.guichet.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live, outside the database (the PostgreSQL driver would read a whole
 * {@code bytea} into memory). On disk by default; an S3-compatible store can implement it too.
 * Nothing here holds a whole file in memory.
 */
public interface FileStore {

    /**
     * Copies the stream into the store under a new key, counting its bytes and hashing them on the
     * way: beyond {@code limits.maxBytes()} the copy stops and what was written is deleted. The
     * type is detected from the bytes, the original name serving only as a hint between types the
     * bytes alone cannot tell apart (a .docx is a zip).
     *
     * @throws FileRefused too large, empty, or of a type the limits do not allow
     */
    StoredFile store(InputStream content, String originalName, UploadLimits limits) throws IOException;

    /** The file's bytes, to be closed by the caller. */
    InputStream open(String key) throws IOException;

    /** Forgets the file; a missing one is not an error (deleting twice is harmless). */
    void delete(String key);
}
