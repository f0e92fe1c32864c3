package fr.guichet.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskFileStoreTest {

    static final UploadLimits LIMITS = new UploadLimits(
            1024 * 1024,
            Set.of(
                    "application/pdf",
                    "image/png",
                    "text/plain",
                    "text/csv",
                    "application/zip",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

    @TempDir
    Path root;

    DiskFileStore store;

    @BeforeEach
    void store() {
        store = new DiskFileStore(root, new ContentTypes());
    }

    @Test
    void aPdfIsKeptUnderAGeneratedKeyWithItsSizeAndHash() throws Exception {
        var pdf = TestFiles.pdf("bonjour");

        var stored = store.store(new ByteArrayInputStream(pdf), "../../etc/Rapport annuel.pdf", LIMITS);

        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(stored.key())
                .doesNotContain("Rapport")
                .doesNotContain("..")
                .matches("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");
        try (var in = store.open(stored.key())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
        assertThat(filesUnder(root)).containsExactly(root.resolve(stored.key()));
    }

    @Test
    void aPngIsRecognised() throws Exception {
        assertThat(store.store(new ByteArrayInputStream(TestFiles.png()), "logo.png", LIMITS)
                        .contentType())
                .isEqualTo("image/png");
    }

    @Test
    void theNameRefinesWhatTheBytesSay() throws Exception {
        // a .docx is a zip: the bytes say zip, the name says which kind of zip
        var zip = zip();
        assertThat(store.store(new ByteArrayInputStream(zip), "note.docx", LIMITS)
                        .contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(store.store(new ByteArrayInputStream(zip), "archive.zip", LIMITS)
                        .contentType())
                .isEqualTo("application/zip");
        assertThat(store.store(new ByteArrayInputStream(openDocumentText()), "compte-rendu.odt", limits())
                        .contentType())
                .isEqualTo("application/vnd.oasis.opendocument.text");
        var csv = "nom;ville\nDupont;Lyon\n".getBytes(StandardCharsets.UTF_8);
        assertThat(store.store(new ByteArrayInputStream(csv), "liste.csv", LIMITS)
                        .contentType())
                .isEqualTo("text/csv");
        assertThat(store.store(new ByteArrayInputStream(csv), "liste.txt", LIMITS)
                        .contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void aProgramNamedPdfIsNotAPdf() throws Exception {
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(TestFiles.windowsExecutable()), "x.pdf", LIMITS))
                .isInstanceOfSatisfying(FileRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(FileRefused.Reason.TYPE_NOT_ALLOWED);
                    assertThat(refused.messageKey()).isEqualTo("files.refused.type-not-allowed");
                    assertThat(refused.arguments()).doesNotContain("application/pdf");
                });
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void unknownBytesAreNotWhatTheirNameClaims() {
        var noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0;
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(noise), "x.pdf", LIMITS))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FileRefused.Reason.TYPE_NOT_ALLOWED));
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        assertThatThrownBy(() -> store.store(InputStream.nullInputStream(), "vide.pdf", LIMITS))
                .isInstanceOfSatisfying(
                        FileRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(FileRefused.Reason.EMPTY));
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void theSizeIsCheckedWhileStreamingAndThePartialFileDeleted() throws Exception {
        var limits = new UploadLimits(100_000, LIMITS.allowedTypes());
        var endless = new CountingStream();

        assertThatThrownBy(() -> store.store(endless, "gros.pdf", limits))
                .isInstanceOfSatisfying(FileRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(FileRefused.Reason.TOO_LARGE);
                    assertThat(refused.arguments()).containsExactly(1L);
                });
        // it stopped at the limit (one buffer more at most), not at the end of the stream
        assertThat(endless.read).isLessThan(100_000 + 64 * 1024 + 1);
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() throws Exception {
        var pdf = TestFiles.pdf("limite");
        var stored = store.store(
                new ByteArrayInputStream(pdf), "x.pdf", new UploadLimits(pdf.length, LIMITS.allowedTypes()));
        assertThat(stored.size()).isEqualTo(pdf.length);
    }

    @Test
    void deletingForgetsTheFileAndTwiceIsHarmless() throws Exception {
        var stored = store.store(new ByteArrayInputStream(TestFiles.pdf("x")), "x.pdf", LIMITS);
        store.delete(stored.key());
        store.delete(stored.key());
        assertThat(store.exists(stored.key())).isFalse();
        assertThatThrownBy(() -> store.open(stored.key())).isInstanceOf(IOException.class);
    }

    @Test
    void onlyGeneratedKeysReachTheDisk() {
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("ab/cd/../../x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A PDF header followed by bytes that never end, counting what was read. */
    static class CountingStream extends InputStream {

        private final byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1);
        long read;

        @Override
        public int read() {
            return (int) (read < header.length ? header[(int) read++] : (read++ & 0x3f) + ' ');
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    private static byte[] zip() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static UploadLimits limits() {
        var types = new HashSet<>(LIMITS.allowedTypes());
        types.add("application/vnd.oasis.opendocument.text");
        return new UploadLimits(LIMITS.maxBytes(), types);
    }

    /** An OpenDocument file starts with its type, stored uncompressed: that is what is recognised. */
    private static byte[] openDocumentText() throws IOException {
        var type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            var mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            var crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
