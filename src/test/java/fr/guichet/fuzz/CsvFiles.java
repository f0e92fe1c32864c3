package fr.guichet.fuzz;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Spreadsheet files as people send them, for the import fuzzers: a header (the columns in any order
 * and case, unknown ones among them), rows of any text quoted as a spreadsheet quotes it, either line
 * break, a byte order mark or not; then the same damaged.
 */
public final class CsvFiles {

    /** What makes a file hard to read: the separators, quotes, breaks and odd characters. */
    public static final List<String> DICTIONARY = List.of(
            ";",
            ";;",
            ",",
            "\"",
            "\"\"",
            "\"x\"y",
            "\r\n",
            "\n",
            "\r",
            "\uFEFF",
            "\u0000",
            "\t",
            " ",
            "=cmd|' /C calc'!A0",
            "é",
            "\uD83D\uDE00",
            "\uD800",
            "\u202E",
            "#",
            "email",
            "EMAIL",
            "note",
            "nom",
            "prenom",
            "civilite",
            "Mme",
            "a@b.fr",
            "\\",
            "'");

    private static final String CELL_ALPHABET = "abcdeé@.-_ 0123456789;\"\n\r\tMme'=+";

    private CsvFiles() {}

    /** A file's columns, its rows (each as many cells as columns), and its text. */
    public record File(List<String> columns, List<List<String>> rows, String text) {

        public byte[] bytes() {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        /** The rows a reader must give back: those written on a line that is not empty. */
        public List<List<String>> records() {
            return rows.stream().filter(row -> !line(row).isEmpty()).toList();
        }
    }

    /** The file read as the import pages read an upload: UTF-8, damaged sequences replaced. */
    public static Reader reader(byte[] bytes) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
    }

    /**
     * A well-formed file with {@code required} among its columns, and {@code optional} now and then;
     * one in a hundred has {@code longest} rows, give or take ten (a file's limit), the others up to 30.
     */
    public static File file(List<String> required, List<String> optional, int longest, SplittableRandom random) {
        var columns = new ArrayList<String>(required);
        for (var column : optional) {
            if (random.nextBoolean()) {
                columns.add(column);
            }
        }
        for (var i = random.nextInt(3); i > 0; i--) {
            columns.add(random.nextInt(4) == 0 ? "" : "colonne" + random.nextInt(100));
        }
        shuffle(columns, random);
        var rowCount = random.nextInt(100) == 0 ? Math.max(0, longest - 10 + random.nextInt(20)) : random.nextInt(30);
        var rows = new ArrayList<List<String>>();
        for (var r = 0; r < rowCount; r++) {
            var row = new ArrayList<String>();
            for (var c = 0; c < columns.size(); c++) {
                row.add(cell(random));
            }
            rows.add(row);
        }
        var breakWith = random.nextBoolean() ? "\r\n" : "\n";
        var text = new StringBuilder(random.nextInt(3) == 0 ? "\uFEFF" : "");
        text.append(String.join(
                ";",
                columns.stream()
                        .map(c -> random.nextInt(4) == 0 ? c.toUpperCase(Locale.ROOT) : c)
                        .toList()));
        for (var row : rows) {
            text.append(breakWith).append(line(row));
        }
        if (random.nextBoolean()) {
            text.append(breakWith);
        }
        // the header's case was changed on the text only: the columns are the names a reader looks for
        return new File(List.copyOf(columns), rows, text.toString());
    }

    private static String cell(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "personne" + random.nextInt(1000) + "@exemple.fr";
            default -> Mutations.text(CELL_ALPHABET, random.nextInt(random.nextInt(40) + 1), random);
        };
    }

    /** A row as a spreadsheet writes it: a cell quoted when it holds a separator, a quote, a break or edge spaces. */
    static String line(List<String> row) {
        var cells = new ArrayList<String>();
        for (var cell : row) {
            var quoted = cell.chars().anyMatch(c -> c == ';' || c == '"' || c == '\n' || c == '\r')
                    || (!cell.isEmpty() && (cell.charAt(0) <= ' ' || cell.charAt(cell.length() - 1) <= ' '));
            cells.add(quoted ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return String.join(";", cells);
    }

    private static void shuffle(List<String> list, SplittableRandom random) {
        for (var i = list.size() - 1; i > 0; i--) {
            var j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
