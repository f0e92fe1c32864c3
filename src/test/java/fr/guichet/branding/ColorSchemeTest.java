package fr.guichet.branding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Every scheme reads at WCAG AA: its contrast ratios computed from its colours, as WCAG 2 defines them. */
class ColorSchemeTest {

    static final double AA = 4.5;

    @Test
    void everyTextAndBackgroundPairOfEverySchemeReachesAa() {
        assertThat(ColorScheme.values()).hasSizeBetween(4, 6);
        for (var scheme : ColorScheme.values()) {
            assertThat(contrast(scheme.bandText(), scheme.band()))
                    .as("%s band", scheme)
                    .isGreaterThanOrEqualTo(AA);
            assertThat(contrast(scheme.panelText(), scheme.panel()))
                    .as("%s panel", scheme)
                    .isGreaterThanOrEqualTo(AA);
            assertThat(contrast(scheme.link(), scheme.panel()))
                    .as("%s links", scheme)
                    .isGreaterThanOrEqualTo(AA);
        }
    }

    @Test
    void theRatioIsWcagsOwn() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theStyleSheetHoldsTheSameColours() throws IOException {
        var css = new String(
                new ClassPathResource("static/css/branding.css")
                        .getInputStream()
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        for (var scheme : ColorScheme.values()) {
            assertThat(css)
                    .contains("." + scheme.cssClass() + " { --brand-band: " + scheme.band() + "; --brand-band-text: "
                            + scheme.bandText() + "; --brand-panel: " + scheme.panel() + "; --brand-panel-text: "
                            + scheme.panelText() + "; --brand-link: " + scheme.link() + "; }");
        }
    }

    static double contrast(String foreground, String background) {
        var a = luminance(foreground);
        var b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        var rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xFF)
                + 0.7152 * channel((rgb >> 8) & 0xFF)
                + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int value) {
        var c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
