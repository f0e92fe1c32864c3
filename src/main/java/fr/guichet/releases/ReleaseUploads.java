package fr.guichet.releases;

import fr.guichet.documents.DocumentDownload;
import fr.guichet.shared.FileResponses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a release form or request, opened for {@link Releases#create} and closed after it,
 * whatever happens; a file input left empty gives nothing. Also how a release's file is sent back.
 */
final class ReleaseUploads implements AutoCloseable {

    private final List<Releases.Upload> uploads = new ArrayList<>();

    private ReleaseUploads() {}

    static ReleaseUploads of(@Nullable List<MultipartFile> files) throws IOException {
        var opened = new ReleaseUploads();
        try {
            for (var file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    var name = file.getOriginalFilename();
                    opened.uploads.add(new Releases.Upload(name == null ? "" : name, file.getInputStream()));
                }
            }
            return opened;
        } catch (IOException failed) {
            opened.close();
            throw failed;
        }
    }

    List<Releases.Upload> list() {
        return List.copyOf(uploads);
    }

    @Override
    public void close() {
        for (var upload : uploads) {
            try {
                upload.content().close();
            } catch (IOException ignored) {
                // a temporary upload: nothing to keep
            }
        }
    }

    static ResponseEntity<Resource> answer(DocumentDownload file) throws IOException {
        return FileResponses.attachment(file.fileName(), file.contentType(), file.size(), file.sha256(), file.open());
    }
}
