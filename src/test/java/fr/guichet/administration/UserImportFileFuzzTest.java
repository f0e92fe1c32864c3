package fr.guichet.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.fuzz.CsvFiles;
import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import fr.guichet.shared.CleanText;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The users' file an administrator uploads is read whole, line for line, or refused with a reason:
 * a well-formed file gives back every person with his line's number, each field cleaned as a form's;
 * a damaged one gives rows numbered without a gap (each then checked as a form is, without an
 * exception), or a refusal — never an exception the page would show as an error.
 */
class UserImportFileFuzzTest {

    static final int TRIES = Fuzz.tries(400);
    private static final List<String> REQUIRED = List.of("civilite", "nom", "prenom", "email");

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aWellFormedFileGivesBackEveryPerson() {
        Fuzz.check(
                "users file",
                TRIES,
                random -> CsvFiles.file(REQUIRED, optional(), 30, random),
                CsvFiles.File::bytes,
                file -> {
                    var rows = UserImports.read(CsvFiles.reader(file.bytes()));
                    assertThat(rows).isEqualTo(expected(file));
                    rows.forEach(row -> validator.validate(row.form()));
                    return rows.isEmpty() ? "EMPTY" : "READ";
                });
    }

    /** Found by fuzzing: a quote closed before the end of a header's cell threw, and the page answered 500. */
    @Test
    void aHeaderWithAStrayQuoteIsRefusedAsMalformed() {
        var file = "civilite;nom;prenom;\"email\"x\nMme;Dupont;Anne;a@exemple.fr\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UserImports.read(CsvFiles.reader(file)))
                .isInstanceOfSatisfying(
                        AdministrationRefusal.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("import.malformed"));
    }

    @Test
    void aDamagedFileIsReadLineForLineOrRefused() {
        Fuzz.checkBytes(
                "damaged users file",
                TRIES,
                random -> {
                    var file = CsvFiles.file(REQUIRED, optional(), 30, random);
                    return random.nextInt(4) == 0
                            ? Mutations.bytes(file.bytes(), random)
                            : Mutations.text(file.text(), CsvFiles.DICTIONARY, random)
                                    .getBytes(StandardCharsets.UTF_8);
                },
                bytes -> {
                    try {
                        var rows = UserImports.read(CsvFiles.reader(bytes));
                        assertThat(rows).hasSizeLessThanOrEqualTo(UserImports.MAX_LINES);
                        for (var i = 0; i < rows.size(); i++) {
                            assertThat(rows.get(i).number()).isEqualTo(i + 2);
                            validator.validate(rows.get(i).form());
                        }
                        return "READ";
                    } catch (AdministrationRefusal refusal) {
                        return refusal.messageKey();
                    }
                });
    }

    private static List<String> optional() {
        return UserImports.COLUMNS.stream().filter(c -> !REQUIRED.contains(c)).toList();
    }

    private static List<UserImports.Row> expected(CsvFiles.File file) {
        var rows = new ArrayList<UserImports.Row>();
        for (var row : file.records()) {
            var cells = new ArrayList<String>();
            for (var column : UserImports.COLUMNS) {
                var at = file.columns().indexOf(column);
                cells.add(at < 0 ? null : CleanText.text(row.get(at).trim()));
            }
            rows.add(new UserImports.Row(
                    rows.size() + 2,
                    new UserForm(
                            UserImports.civility(cells.get(0)),
                            cells.get(1),
                            cells.get(2),
                            cells.get(3),
                            cells.get(4),
                            cells.get(5),
                            cells.get(6),
                            cells.get(7),
                            cells.get(8),
                            cells.get(9),
                            cells.get(10),
                            cells.get(11)),
                    null));
        }
        return rows;
    }
}
