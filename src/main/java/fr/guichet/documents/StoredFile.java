package fr.guichet.documents;

/**
 * A file kept by a {@link FileStore}: the key it is found under (generated, never the client's
 * name), its size in bytes, its SHA-256 in hexadecimal and the type detected from its bytes.
 */
public record StoredFile(String key, long size, String sha256, String contentType) {}
