package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What a spreadsheet opening the export finds: text stays text, numbers stay numbers. */
class SpreadsheetCsvTest {

    private static String text(SpreadsheetCsv csv) {
        var bytes = csv.bytes();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsInert() {
        var csv = new SpreadsheetCsv()
                .row("=HYPERLINK(\"http://evil\",\"clic\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "Mairie");
        assertThat(text(csv))
                .isEqualTo(
                        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"clic\"\")\";'+1+1;'-2+3;'@SUM(A1);'\tx;\"'\rx\";Mairie\r\n");
    }

    @Test
    void numbersAreWrittenAsNumbersEvenNegative() {
        assertThat(text(new SpreadsheetCsv().row("Solde", -1L, 42))).isEqualTo("Solde;-1;42\r\n");
    }

    @Test
    void separatorsAndQuotesAreQuoted() {
        assertThat(text(new SpreadsheetCsv().row("a;b", "c\"d"))).isEqualTo("\"a;b\";\"c\"\"d\"\r\n");
    }
}
