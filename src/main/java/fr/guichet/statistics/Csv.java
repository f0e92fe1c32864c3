package fr.guichet.statistics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV as French spreadsheets open it: UTF-8 with a byte-order mark, cells separated by ";". A
 * cell a spreadsheet would take for a formula (a product or organisation named "=HYPERLINK(…)")
 * is made inert with a leading quote.
 */
final class Csv {

    private static final String BOM = "\uFEFF";

    private final StringBuilder text = new StringBuilder(BOM);

    Csv row(List<String> cells) {
        text.append(cells.stream().map(Csv::cell).collect(Collectors.joining(";")))
                .append("\r\n");
        return this;
    }

    Csv row(String... cells) {
        return row(List.of(cells));
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        var inert = startsLikeFormula(value) ? "'" + value : value;
        if (inert.contains(";") || inert.contains("\"") || inert.contains("\n") || inert.contains("\r")) {
            return "\"" + inert.replace("\"", "\"\"") + "\"";
        }
        return inert;
    }

    private static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        var first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
