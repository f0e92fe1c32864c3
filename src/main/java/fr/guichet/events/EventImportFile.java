package fr.guichet.events;

import fr.guichet.shared.CleanText;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The list an agent sends: a spreadsheet saved as CSV, one person per line, read whole before
 * anything is saved so that a file that cannot be read registers nobody.
 */
final class EventImportFile {

    static final int MAX_LINES = 2_000;

    /** The first line of the file, as the help text shows it: email required, note optional. */
    static final String COLUMNS = "email;note";

    /** A person of the list: {@code number} is his line in the file (the header is line 1). */
    record Line(
            int number, @Nullable String email, @Nullable String note) {}

    private EventImportFile() {}

    static List<Line> read(Reader csv) throws IOException {
        var format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreHeaderCase(true)
                .setAllowMissingColumnNames(true)
                .get();
        var lines = new ArrayList<Line>();
        try (var parser = format.parse(withoutByteOrderMark(csv))) {
            var header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.contains("email")) {
                throw new EventRefusal("events.import.header", COLUMNS);
            }
            for (var record : parser) {
                if (lines.size() >= MAX_LINES) {
                    throw new EventRefusal("events.import.too-long", MAX_LINES);
                }
                lines.add(new Line((int) record.getRecordNumber() + 1, get(record, "email"), get(record, "note")));
            }
        } catch (IllegalArgumentException | UncheckedIOException | CSVException malformed) {
            // a malformed header line is reported as CSVException by the parser's constructor, the
            // other lines wrapped in UncheckedIOException by its iterator: both are the file's fault
            throw new EventRefusal("events.import.malformed");
        }
        if (lines.isEmpty()) {
            throw new EventRefusal("events.import.empty");
        }
        return lines;
    }

    /** Cleaned as a form's field would be (the file does not go through the binder); blank is nothing. */
    private static @Nullable String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        var value = CleanText.text(record.get(column));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Spreadsheets often start UTF-8 files with a byte-order mark: it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        var pushback = new PushbackReader(reader, 1);
        var first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
