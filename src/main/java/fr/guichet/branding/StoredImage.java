package fr.guichet.branding;

/** An accepted image in the file store: its key, the type detected from its bytes, its size and SHA-256. */
public record StoredImage(String key, String contentType, long size, String sha256) {

    /** Changes with the image: its address carries it, so that a browser never shows an old one. */
    public String version() {
        return sha256.substring(0, 12);
    }
}
