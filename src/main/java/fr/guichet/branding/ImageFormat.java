package fr.guichet.branding;

import java.nio.charset.StandardCharsets;

/**
 * What a file is, from its first bytes (its magic number): never from its name nor from the type
 * the browser declares, both of which the sender chooses. JPEG and GIF are accepted; a few others
 * are named so that the refusal says what the file really is ("a PNG renamed .gif").
 */
enum ImageFormat {
    JPEG("JPEG", "jpeg", true, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    GIF87("GIF", "gif", true, ascii("GIF87a")),
    GIF89("GIF", "gif", true, ascii("GIF89a")),
    PNG("PNG", null, false, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    BMP("BMP", null, false, ascii("BM")),
    TIFF_LE("TIFF", null, false, new byte[] {'I', 'I', 0x2A, 0}),
    TIFF_BE("TIFF", null, false, new byte[] {'M', 'M', 0, 0x2A}),
    PDF("PDF", null, false, ascii("%PDF-")),
    UNKNOWN("", null, false, new byte[0]);

    private final String label;
    private final String readerFormat;
    private final boolean accepted;
    private final byte[] magic;

    ImageFormat(String label, String readerFormat, boolean accepted, byte[] magic) {
        this.label = label;
        this.readerFormat = readerFormat;
        this.accepted = accepted;
        this.magic = magic;
    }

    static ImageFormat of(byte[] bytes) {
        for (var format : values()) {
            if (format != UNKNOWN && startsWith(bytes, format.magic)) {
                return format;
            }
        }
        return UNKNOWN;
    }

    String label() {
        return label;
    }

    boolean accepted() {
        return accepted;
    }

    boolean gif() {
        return this == GIF87 || this == GIF89;
    }

    String readerFormat() {
        return readerFormat;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
