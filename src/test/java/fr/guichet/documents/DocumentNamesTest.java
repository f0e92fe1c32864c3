package fr.guichet.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentNamesTest {

    @Test
    void aFileNameKeepsOnlyItsLastPartAndNothingThatBreaksAHeader() {
        assertThat(DocumentNames.fileName("C:\\Users\\moi\\Rapport 2026.pdf")).isEqualTo("Rapport 2026.pdf");
        assertThat(DocumentNames.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DocumentNames.fileName("a\"b;c\r\nd.pdf")).isEqualTo("a_b_cd.pdf");
        assertThat(DocumentNames.fileName("..htaccess")).isEqualTo("htaccess");
        assertThat(DocumentNames.fileName("Été à Paris.odt")).isEqualTo("Été à Paris.odt");
        assertThat(DocumentNames.fileName("")).isEqualTo("document");
        assertThat(DocumentNames.fileName(null)).isEqualTo("document");
    }

    @Test
    void aLongFileNameIsCutWithItsExtensionKept() {
        var cut = DocumentNames.fileName("x".repeat(300) + ".pdf");
        assertThat(cut).hasSize(DocumentNames.MAX_FILE_NAME).endsWith("x.pdf");
    }

    @Test
    void titleAndFolderAreBounded() {
        assertThat(DocumentNames.title("  Guide  ")).isEqualTo("Guide");
        assertThat(DocumentNames.folder(null)).isEmpty();
        assertThat(DocumentNames.title("é".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> DocumentNames.title(" ")).hasMessage("documents.title.required");
        assertThatThrownBy(() -> DocumentNames.title("x".repeat(201)))
                .isInstanceOfSatisfying(DocumentRefusal.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("documents.title.too-long");
                    assertThat(refused.arguments()).containsExactly(200);
                });
        assertThatThrownBy(() -> DocumentNames.folder("x".repeat(201))).hasMessage("documents.folder.too-long");
        assertThatThrownBy(() -> DocumentNames.folder("a\u0000b")).hasMessage("documents.text.control-characters");
    }
}
