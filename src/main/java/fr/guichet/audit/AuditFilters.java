package fr.guichet.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What the trail's search form asks, as its query says it: words ({@code texte}: a person's name or
 * e-mail, what the act was on, its details), an action, a period of days ({@code du}, {@code au}), an
 * organisation of the subtree ({@code organisation}) or, on the agency's page, establishments by name
 * ({@code etablissement}); and where the page starts ({@code avant}: entries older than this one;
 * {@code apres}: newer). Every link of the page carries the same filters.
 */
record AuditFilters(
        @Nullable String texte,
        @Nullable String action,
        @Nullable String du,
        @Nullable String au,
        @Nullable String organisation,
        @Nullable String etablissement,
        @Nullable String avant,
        @Nullable String apres) {

    /** The filters read; what could not be read is in {@code problems} (message keys with their argument). */
    record Read(
            @Nullable String words,
            @Nullable String action,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable Long organization,
            @Nullable String establishment,
            @Nullable Long before,
            @Nullable Long after,
            List<Problem> problems) {}

    record Problem(String field, String key, String argument) {}

    Read read() {
        var problems = new ArrayList<Problem>();
        var from = date("du", du, problems);
        var to = date("au", au, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Problem("au", "journal.filter.period-reversed", ""));
        }
        return new Read(
                blank(texte) ? null : texte.strip().toLowerCase(Locale.ROOT),
                blank(action) ? null : action.strip(),
                from,
                to,
                number("organisation", organisation, problems),
                blank(etablissement) ? null : etablissement.strip(),
                number("avant", avant, problems),
                number("apres", apres, problems),
                List.copyOf(problems));
    }

    /** The address of the page with these filters, from the entry {@code id} in the direction named, or from the top. */
    String query(String base, @Nullable String cursor, @Nullable Long id) {
        var query = new StringJoiner("&");
        add(query, "texte", texte);
        add(query, "action", action);
        add(query, "du", du);
        add(query, "au", au);
        add(query, "organisation", organisation);
        add(query, "etablissement", etablissement);
        if (cursor != null && id != null) {
            add(query, cursor, String.valueOf(id));
        }
        return query.length() == 0 ? base : base + "?" + query;
    }

    boolean any() {
        return !blank(texte)
                || !blank(action)
                || !blank(du)
                || !blank(au)
                || !blank(organisation)
                || !blank(etablissement);
    }

    private static void add(StringJoiner query, String name, @Nullable String value) {
        if (!blank(value)) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "journal.filter.date-unreadable", text.strip()));
            return null;
        }
    }

    private static @Nullable Long number(String field, @Nullable String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Problem(field, "journal.filter.unknown", text.strip()));
            return null;
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
