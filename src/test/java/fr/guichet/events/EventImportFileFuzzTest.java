package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.fuzz.CsvFiles;
import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import fr.guichet.shared.CleanText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list an agent uploads is read whole, line for line, or refused with a reason: a well-formed
 * file gives back every one of its people with his line's number, in order; a damaged file gives
 * lines numbered without a gap, or a refusal — never an exception the page would show as an error.
 */
class EventImportFileFuzzTest {

    static final int TRIES = Fuzz.tries(1_000);

    @Test
    void aWellFormedListGivesBackEveryPerson() {
        Fuzz.check(
                "event list",
                TRIES,
                random -> CsvFiles.file(List.of("email"), List.of("note"), EventImportFile.MAX_LINES, random),
                CsvFiles.File::bytes,
                file -> {
                    var expected = expected(file);
                    List<EventImportFile.Line> lines;
                    try {
                        lines = EventImportFile.read(CsvFiles.reader(file.bytes()));
                    } catch (EventRefusal refusal) {
                        if (refusal.messageKey().equals("events.import.empty")) {
                            assertThat(expected).isEmpty();
                        } else {
                            assertThat(refusal.messageKey()).isEqualTo("events.import.too-long");
                            assertThat(expected).hasSizeGreaterThan(EventImportFile.MAX_LINES);
                        }
                        return refusal.messageKey();
                    }
                    assertThat(lines).isEqualTo(expected);
                    return "READ";
                });
    }

    /** Found by fuzzing: a quote closed before the end of a header's cell threw, and the page answered 500. */
    @Test
    void aHeaderWithAStrayQuoteIsRefusedAsMalformed() {
        var file = "\"email\"x;note\nMme;Dupont;Anne;a@exemple.fr\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventImportFile.read(CsvFiles.reader(file)))
                .isInstanceOfSatisfying(
                        EventRefusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("events.import.malformed"));
    }

    @Test
    void aDamagedListIsReadLineForLineOrRefused() {
        Fuzz.checkBytes(
                "damaged event list",
                TRIES,
                random -> {
                    var file = CsvFiles.file(List.of("email"), List.of("note"), EventImportFile.MAX_LINES, random);
                    return random.nextInt(4) == 0
                            ? Mutations.bytes(file.bytes(), random)
                            : Mutations.text(file.text(), CsvFiles.DICTIONARY, random)
                                    .getBytes(StandardCharsets.UTF_8);
                },
                bytes -> {
                    try {
                        var lines = EventImportFile.read(CsvFiles.reader(bytes));
                        assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(EventImportFile.MAX_LINES);
                        for (var i = 0; i < lines.size(); i++) {
                            assertThat(lines.get(i).number()).isEqualTo(i + 2);
                        }
                        return "READ";
                    } catch (EventRefusal refusal) {
                        return refusal.messageKey();
                    }
                });
    }

    /** What the file holds, cleaned as a form's field is (the columns are found whatever their case). */
    private static List<EventImportFile.Line> expected(CsvFiles.File file) {
        var email = file.columns().indexOf("email");
        var note = file.columns().indexOf("note");
        var lines = new ArrayList<EventImportFile.Line>();
        for (var row : file.records()) {
            lines.add(new EventImportFile.Line(
                    lines.size() + 2, value(row.get(email)), note < 0 ? null : value(row.get(note))));
        }
        return lines;
    }

    private static String value(String cell) {
        var cleaned = CleanText.text(cell.trim());
        return cleaned == null || cleaned.isBlank() ? null : cleaned.strip();
    }
}
