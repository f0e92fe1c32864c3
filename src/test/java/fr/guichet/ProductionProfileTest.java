package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * What the production profile refuses to start with: settings that suit a laptop and would expose
 * people or their mail on a real deployment. Every other production value is given, so that the
 * one tested is the reason.
 */
class ProductionProfileTest {

    static final String BASE_URL = "--guichet.base-url=https://guichet.example.org";

    @Test
    void theLocalMailboxPageIsRefused() {
        assertThat(rootCauseOfStarting(BASE_URL, "--guichet.mail.mailbox-page=true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/dev/mailbox")
                .hasMessageContaining("production");
    }

    @Test
    void theMailboxTransportIsRefused() {
        assertThat(rootCauseOfStarting(BASE_URL, "--guichet.mail.transport=mailbox"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GUICHET_MAIL_TRANSPORT")
                .hasMessageContaining("production");
    }

    @Test
    void thePublicAddressIsRequired() {
        assertThat(rootCauseOfStarting()).hasMessageContaining("GUICHET_BASE_URL");
    }

    private static Throwable rootCauseOfStarting(String... settings) {
        var arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--spring.mail.host=localhost",
                "--server.port=0"));
        arguments.addAll(List.of(settings));
        // the test profile first, so that production's own values win over it (files and index stay in temporary
        // places)
        var failure = catchThrowable(() -> new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("test", "production")
                .properties("spring.main.banner-mode=off")
                .run(arguments.toArray(String[]::new))
                .close());
        assertThat(failure).as("the portal started").isNotNull();
        var cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
