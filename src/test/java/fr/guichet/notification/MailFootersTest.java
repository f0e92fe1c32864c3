package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every e-mail ends by saying why its reader receives it: each template has its own reason, in
 * both languages, so that no mail goes out with a footer missing (rendering one would fail).
 */
class MailFootersTest {

    @Test
    void everyMailTemplateSaysWhyItsReaderReceivesItInBothLanguages() throws IOException {
        var french = load("messages.properties");
        var english = load("messages_en.properties");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/mail"))) {
            var names = templates
                    .map(p -> p.getFileName().toString().replace(".txt", ""))
                    .toList();
            assertThat(names).contains("digest", "ticket-changed");
            for (var name : names) {
                assertThat(french.getProperty("mail." + name + ".why"))
                        .as("mail.%s.why", name)
                        .isNotBlank();
                assertThat(english.getProperty("mail." + name + ".why"))
                        .as("mail.%s.why in English", name)
                        .isNotBlank();
            }
        }
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(
                Files.newInputStream(Path.of("src/main/resources", name)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
