package fr.guichet.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The days a page sums, both ends included, in the agency's calendar: the last full month, the
 * last 3 (the default), 6 or 12 full months before the current one, or the days chosen.
 *
 * @param choice what the period chooser shows as chosen: "1", "3", "6", "12" or "custom"
 */
public record Period(String choice, LocalDate from, LocalDate to) {

    public static final String CUSTOM = "custom";
    public static final List<String> MONTH_CHOICES = List.of("1", "3", "6", "12");
    static final String DEFAULT = "3";

    /** A chosen period may span this many years at most: a page sums them day by day. */
    static final int LONGEST_YEARS = 5;

    /**
     * The period asked for on the page; an unknown choice is the default. A custom period whose
     * dates cannot be read, or whose end precedes its start, is refused.
     */
    static Period of(@Nullable String choice, @Nullable String from, @Nullable String to, LocalDate today) {
        if (CUSTOM.equals(choice)) {
            var first = date(from, "statistics.period.from-invalid");
            var last = date(to, "statistics.period.to-invalid");
            if (last.isBefore(first)) {
                throw new CountsRefused("statistics.period.order");
            }
            if (ChronoUnit.YEARS.between(first, last) >= LONGEST_YEARS) {
                throw new CountsRefused("statistics.period.too-long", LONGEST_YEARS);
            }
            return new Period(CUSTOM, first, last);
        }
        var months = choice != null && MONTH_CHOICES.contains(choice) ? choice : DEFAULT;
        return lastMonths(Integer.parseInt(months), today);
    }

    /** The last n full months before today's. */
    static Period lastMonths(int months, LocalDate today) {
        var current = YearMonth.from(today);
        var first = current.minusMonths(months).atDay(1);
        var last = current.minusMonths(1).atEndOfMonth();
        return new Period(String.valueOf(months), first, last);
    }

    /** The months the period touches, first to last, for the trends. */
    public List<YearMonth> months() {
        var months = new ArrayList<YearMonth>();
        for (var m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    public boolean custom() {
        return CUSTOM.equals(choice);
    }

    /** The query string that asks for this period again (the CSV and print links). */
    public String query() {
        return custom() ? "periode=" + CUSTOM + "&du=" + from + "&au=" + to : "periode=" + choice;
    }

    private static LocalDate date(@Nullable String text, String problem) {
        if (text == null || text.isBlank()) {
            throw new CountsRefused(problem);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CountsRefused(problem);
        }
    }
}
