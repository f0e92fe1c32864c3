package fr.guichet.documents;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.springframework.stereotype.Component;

/**
 * The media type of a file from its first bytes (Tika's magic numbers). The name only refines a
 * type the bytes established: "report.docx" holding a zip is Word, "report.pdf" holding a Windows
 * program stays a program, and bytes nobody recognises stay unknown whatever their name.
 */
@Component
class ContentTypes {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    String detect(Path file, String originalName) throws IOException {
        var byContent = detect(file, new Metadata());
        // Tika would let the name decide for unknown bytes: a renamed anything would pass as a pdf
        if (MediaType.OCTET_STREAM.equals(byContent) || originalName == null || originalName.isBlank()) {
            return byContent.toString();
        }
        var named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, originalName);
        var refined = detect(file, named);
        var registry = types.getMediaTypeRegistry();
        return (registry.isSpecializationOf(refined, byContent) ? refined : byContent).toString();
    }

    private MediaType detect(Path file, Metadata metadata) throws IOException {
        try (var in = TikaInputStream.get(new BufferedInputStream(Files.newInputStream(file)))) {
            return types.detect(in, metadata, new ParseContext()).getBaseType();
        }
    }
}
