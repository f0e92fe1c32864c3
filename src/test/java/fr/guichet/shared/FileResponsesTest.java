package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

/** A download's name in its header: whatever was stored, nothing that breaks or disguises it. */
class FileResponsesTest {

    @Test
    void controlAndFormatCharactersAreLeftOutOfTheName() {
        var header = disposition("rapport\r\n\u0000\u202Efdp\u200F.exe");

        assertThat(header).startsWith("attachment").doesNotContain("\r").doesNotContain("\n");
        assertThat(ContentDisposition.parse(header).getFilename())
                .as("as the browser reads it")
                .isEqualTo("rapportfdp.exe");
    }

    @Test
    void aNameWithNothingVisibleLeftIsStillAName() {
        assertThat(disposition("\u202E\u0000")).startsWith("attachment; filename=\"fichier\"");
        assertThat(disposition(null)).startsWith("attachment; filename=\"fichier\"");
    }

    @Test
    void lettersOfAnyScriptStay() {
        assertThat(disposition("Écran d’accueil.png")).contains("filename*=UTF-8''%C3%89cran%20d%E2%80%99accueil.png");
    }

    private static String disposition(String name) {
        return FileResponses.attachment(name, "image/png", 1, null, new ByteArrayInputStream(new byte[] {1}))
                .getHeaders()
                .getFirst("Content-Disposition");
    }
}
