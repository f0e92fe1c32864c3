package fr.guichet.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in a folder of the server ({@code guichet.files.directory}), under random names spread
 * over two levels of sub-folders so that no folder grows huge. A file appears under its key only
 * once complete and accepted: it is written to {@code tmp/} first, then moved atomically.
 */
@Component
class DiskFileStore implements FileStore {

    private static final Logger log = LoggerFactory.getLogger(DiskFileStore.class);

    /** What {@link #newKey()} makes: nothing else may reach the file system (no "../"). */
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{32}");

    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path temporary;
    private final ContentTypes contentTypes;

    DiskFileStore(@Value("${guichet.files.directory:./data/files}") Path root, ContentTypes contentTypes) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve("tmp");
        this.contentTypes = contentTypes;
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the files folder " + temporary, e);
        }
    }

    @Override
    public StoredFile store(InputStream content, String originalName, UploadLimits limits) throws IOException {
        var part = Files.createTempFile(temporary, "upload-", ".part");
        try {
            var copied = copy(content, part, limits.maxBytes());
            var type = contentTypes.detect(part, originalName);
            if (!limits.allows(type)) {
                throw new FileRefused(FileRefused.Reason.TYPE_NOT_ALLOWED, type);
            }
            var key = newKey();
            var target = path(key);
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(key, copied.size(), copied.sha256(), type);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private record Copied(long size, String sha256) {}

    private static Copied copy(InputStream content, Path part, long maxBytes) throws IOException {
        var digest = sha256();
        long size = 0;
        var buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(part)) {
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                // stop at the first byte too many: a huge upload never fills the disk
                if (size > maxBytes) {
                    throw new FileRefused(FileRefused.Reason.TOO_LARGE, megabytes(maxBytes));
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (size == 0) {
            throw new FileRefused(FileRefused.Reason.EMPTY);
        }
        return new Copied(size, HexFormat.of().formatHex(digest.digest()));
    }

    /** For the message: 50 for 50 MB, and never 0 for a small limit. */
    private static long megabytes(long bytes) {
        var mb = 1024L * 1024L;
        return (bytes + mb - 1) / mb;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            // the record is gone already: an orphan file wastes space but hides nothing
            log.warn("Could not delete stored file {}: {}", key, e.toString());
        }
    }

    boolean exists(String key) {
        return Files.exists(path(key));
    }

    private Path path(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a file key: " + key);
        }
        return root.resolve(key);
    }

    private static String newKey() {
        var name = UUID.randomUUID().toString().replace("-", "");
        return name.substring(0, 2) + "/" + name.substring(2, 4) + "/" + name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
