package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.CleanText;
import fr.guichet.shared.NotFoundException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of users from CSV ("créer des utilisateurs", many at once). Each line
 * is its own transaction: a bad line is reported and never undoes the good ones; a person
 * already there is reported as such, so running the same file again creates nothing twice.
 */
@Service
class UserImports {

    static final int MAX_LINES = 5_000;

    /** The columns, French as the people who fill the file write them. */
    static final List<String> COLUMNS = List.of(
            "civilite",
            "nom",
            "prenom",
            "fonction",
            "email",
            "telephone",
            "fax",
            "mobile",
            "adresse",
            "complement",
            "code_postal",
            "ville");

    private final Administration administration;
    private final UserImportRepository imports;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    UserImports(
            Administration administration,
            UserImportRepository imports,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Validator validator,
            MessageSource messages,
            Clock clock) {
        this.administration = administration;
        this.imports = imports;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.executor = executor;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    /** A line of the file, and why it is refused if it is (checked in the request, in its language). */
    record Row(int number, UserForm form, String refused) {}

    /** Reads the whole file, then works through it in the background. */
    long start(AccountId actor, OrganizationId organization, Reader csv, Locale locale, String sourceAddress)
            throws IOException {
        administration.require(actor, organization, Administration.Capability.MANAGE_USERS);
        List<Row> rows;
        // messages of the constraints in the importer's language, whichever thread asks
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            rows = read(csv).stream().map(row -> checked(row, locale)).toList();
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
        var started = transactions.execute(
                tx -> imports.save(new UserImport(organization.value(), actor.value(), rows.size(), clock.instant())));
        executor.execute(
                () -> rows.forEach(row -> process(started.id(), actor, organization, row, locale, sourceAddress)));
        return started.id();
    }

    UserImport progress(AccountId actor, OrganizationId organization, long importId) {
        administration.require(actor, organization, Administration.Capability.MANAGE_USERS);
        return transactions.execute(tx -> {
            var found = imports.findById(importId)
                    .filter(i -> i.organizationId() == organization.value())
                    .orElseThrow(NotFoundException::new);
            found.lines().size();
            return found;
        });
    }

    /** The file's rows, numbered as the spreadsheet's lines, not yet checked; a refusal if it cannot be read. */
    static List<Row> read(Reader csv) throws IOException {
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
        var rows = new ArrayList<Row>();
        try (var parser = format.parse(withoutByteOrderMark(csv))) {
            var header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            if (!header.containsAll(List.of("civilite", "nom", "prenom", "email"))) {
                throw new AdministrationRefusal("import.header", String.join(";", COLUMNS));
            }
            for (var record : parser) {
                if (rows.size() >= MAX_LINES) {
                    throw new AdministrationRefusal("import.too-long", MAX_LINES);
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, form(record), null));
            }
        } catch (IllegalArgumentException | UncheckedIOException | CSVException malformed) {
            // a malformed header line is reported as CSVException by the parser's constructor, the
            // other lines wrapped in UncheckedIOException by its iterator: both are the file's fault
            throw new AdministrationRefusal("import.malformed");
        }
        return rows;
    }

    private Row checked(Row row, Locale locale) {
        var problems = validator.validate(row.form());
        if (problems.isEmpty()) {
            return row;
        }
        var reason = problems.stream()
                .map(p -> fieldLabel(p.getPropertyPath().toString(), locale) + " : " + p.getMessage())
                .sorted()
                .distinct()
                .collect(Collectors.joining(" ; "));
        return new Row(row.number(), row.form(), cut(reason));
    }

    private void process(
            long importId, AccountId actor, OrganizationId organization, Row row, Locale locale, String sourceAddress) {
        var line = row.refused() != null
                ? new UserImport.Line(row.number(), row.form().email(), UserImport.Outcome.REFUSED, row.refused())
                : add(actor, organization, row, locale, sourceAddress);
        transactions.executeWithoutResult(
                tx -> imports.findById(importId).orElseThrow().record(line, clock.instant()));
    }

    private UserImport.Line add(
            AccountId actor, OrganizationId organization, Row row, Locale locale, String sourceAddress) {
        try {
            transactions.executeWithoutResult(
                    tx -> administration.addUser(actor, organization, row.form().person(), locale, sourceAddress));
            // an invitation either way: the report does not tell who already had an account
            return new UserImport.Line(row.number(), row.form().email(), UserImport.Outcome.CREATED, null);
        } catch (AdministrationRefusal refusal) {
            if ("users.already-member".equals(refusal.messageKey())) {
                return new UserImport.Line(row.number(), row.form().email(), UserImport.Outcome.ALREADY_PRESENT, null);
            }
            return new UserImport.Line(
                    row.number(),
                    row.form().email(),
                    UserImport.Outcome.REFUSED,
                    cut(messages.getMessage(refusal.messageKey(), refusal.arguments(), locale)));
        } catch (RuntimeException unexpected) {
            return new UserImport.Line(
                    row.number(),
                    row.form().email(),
                    UserImport.Outcome.REFUSED,
                    messages.getMessage("import.failed", null, locale));
        }
    }

    private String fieldLabel(String field, Locale locale) {
        return messages.getMessage("import.column." + field, null, field, locale);
    }

    /** Spreadsheets often start UTF-8 files with a byte-order mark: it is not part of the first column's name. */
    static Reader withoutByteOrderMark(Reader reader) throws IOException {
        var pushback = new PushbackReader(reader, 1);
        var first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static UserForm form(CSVRecord record) {
        return new UserForm(
                civility(get(record, "civilite")),
                get(record, "nom"),
                get(record, "prenom"),
                get(record, "fonction"),
                get(record, "email"),
                get(record, "telephone"),
                get(record, "fax"),
                get(record, "mobile"),
                get(record, "adresse"),
                get(record, "complement"),
                get(record, "code_postal"),
                get(record, "ville"));
    }

    /** Cleaned as a form's field would be: the file does not go through the binder. */
    private static @Nullable String get(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? CleanText.text(record.get(column)) : null;
    }

    /** "Madame", "Mme", "M.", "Monsieur", any case; anything else is no civility. */
    static @Nullable Civility civility(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT).replace(".", "")) {
            case "madame", "mme", "mrs", "ms" -> Civility.MADAME;
            case "monsieur", "m", "mr" -> Civility.MONSIEUR;
            default -> null;
        };
    }

    private static String cut(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
