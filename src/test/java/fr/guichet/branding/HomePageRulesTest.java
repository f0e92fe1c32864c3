package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.guichet.branding.Branding.LinkInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The welcome text's 300 characters as a person counts them, and which link addresses a home page takes. */
class HomePageRulesTest {

    @Test
    void threeHundredCharactersAreTakenAndThreeHundredAndOneAreNot() {
        assertThat(WelcomeText.checked("a".repeat(300))).hasSize(300);
        var refused = catchThrowableOfType(BrandingRefusal.class, () -> WelcomeText.checked("a".repeat(301)));
        assertThat(refused.messageKey()).isEqualTo("branding.welcome.too-long");
        assertThat(refused.arguments()).containsExactly(300, "301");
    }

    @Test
    void charactersAreCountedAsAPersonSeesThem() {
        // é typed as e + combining accent, an emoji outside the basic plane, a line break sent as CR LF
        assertThat(WelcomeText.length(WelcomeText.normalized("e\u0301"))).isEqualTo(1);
        assertThat(WelcomeText.length("😀")).isEqualTo(1);
        assertThat(WelcomeText.normalized("un\r\ndeux")).isEqualTo("un\ndeux");
        assertThatCode(() -> WelcomeText.checked("e\u0301".repeat(300))).doesNotThrowAnyException();
        assertThatCode(() -> WelcomeText.checked("😀".repeat(300))).doesNotThrowAnyException();
        assertThatCode(() -> WelcomeText.checked("l\r\n".repeat(100) + "x".repeat(100)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.example.fr/marches", "http://example.org", "HTTPS://EXAMPLE.FR/a?b=c#d"})
    void webAddressesAreTaken(String url) {
        assertThat(Link.of(1, "Nos marchés", url).url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "/marches",
                "marches.html",
                "//evil.example/x",
                "ftp://example.org/file",
                "mailto:achats@example.fr",
                "https://",
                "https://user:pass@example.fr",
                "https://exa mple.fr",
                "vbscript:msgbox"
            })
    void anythingElseIsRefusedWithTheAddressInTheMessage(String url) {
        var refused = catchThrowableOfType(BrandingRefusal.class, () -> Link.of(2, "Lien", url));
        assertThat(refused).as(url).isNotNull();
        assertThat(refused.messageKey()).isEqualTo("branding.link.url-invalid");
        assertThat(refused.arguments()).containsExactly(2, url);
    }

    @Test
    void oneToFiveLinksEmptyRowsLeftOut() {
        var five = List.of(
                new LinkInput("Un", "https://a.example"),
                new LinkInput("", ""),
                new LinkInput("Deux", "https://b.example"),
                new LinkInput("Trois", "https://c.example"),
                new LinkInput("Quatre", "https://d.example"),
                new LinkInput("Cinq", "https://e.example"));
        var branding = Branding.plain().withHomePage(ColorScheme.GREEN, WelcomeSide.RIGHT, "Titre", "Texte", five);
        assertThat(branding.links()).extracting(Link::label).containsExactly("Un", "Deux", "Trois", "Quatre", "Cinq");

        var six = new java.util.ArrayList<>(five);
        six.add(new LinkInput("Six", "https://f.example"));
        assertThat(catchThrowableOfType(
                                BrandingRefusal.class,
                                () -> Branding.plain().withHomePage(ColorScheme.GREEN, WelcomeSide.LEFT, "", "", six))
                        .messageKey())
                .isEqualTo("branding.links.too-many");
        assertThat(catchThrowableOfType(
                                BrandingRefusal.class,
                                () -> Branding.plain()
                                        .withHomePage(ColorScheme.GREEN, WelcomeSide.LEFT, "", "", List.of())
                                        .publishable())
                        .messageKey())
                .isEqualTo("branding.links.none");
        assertThat(catchThrowableOfType(
                                BrandingRefusal.class,
                                () -> Branding.plain()
                                        .withHomePage(
                                                ColorScheme.GREEN,
                                                WelcomeSide.LEFT,
                                                "",
                                                "",
                                                List.of(new LinkInput("", "https://a.example"))))
                        .messageKey())
                .isEqualTo("branding.link.label-missing");
    }
}
