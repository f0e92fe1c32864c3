package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What people type loses what nobody means to type, and nothing else. */
class CleanTextTest {

    @Test
    void nulAndTheOtherControlCharactersGoTabsAndLineBreaksStayInText() {
        assertThat(CleanText.text("Paie\u0000 bloquée\u0007\u001b[31m\u007f\u0085"))
                .isEqualTo("Paie bloquée[31m");
        assertThat(CleanText.text("Étapes :\r\n\t1. ouvrir\n\t2. valider"))
                .isEqualTo("Étapes :\r\n\t1. ouvrir\n\t2. valider");
    }

    @Test
    void bidirectionalAndInvisibleFormatCharactersGo() {
        assertThat(CleanText.text("facture\u202Efdp.exe")).isEqualTo("facturefdp.exe");
        assertThat(CleanText.text(
                        "\u200E\u200F\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u061C\u200B\u2060\uFEFF\u00ADok"))
                .isEqualTo("ok");
        assertThat(CleanText.text("moitié \uD800 de caractère")).isEqualTo("moitié  de caractère");
    }

    @Test
    void lettersOfAnyScriptEmojiAndTheirJoinersStay() {
        var text = "Hélène Ébrard, Ζήνων, 中文, می‌خواهم, 👩‍💻 👍🏽 🇫🇷 « ok » – ½ €";
        assertThat(CleanText.text(text)).isSameAs(text);
        assertThat(CleanText.line(text)).isSameAs(text);
        assertThat(CleanText.text(null)).isNull();
    }

    @Test
    void aLineLosesItsTabsAndLineBreaksToo() {
        assertThat(CleanText.line("rapport\r\n\t2026\u0000\u202E.pdf")).isEqualTo("rapport2026.pdf");
    }
}
