package fr.guichet.credits;

import java.time.LocalDate;
import java.time.YearMonth;

/** A statement's days, both ends included, in the agency's calendar. */
public record StatementPeriod(LocalDate from, LocalDate to) {

    public StatementPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " " + to);
        }
    }

    /** The choices of the statement page: whole months, the last one being the month before this one. */
    public enum Choice {
        LAST_MONTH(1),
        LAST_3_MONTHS(3),
        LAST_6_MONTHS(6),
        LAST_12_MONTHS(12);

        /** What the page shows when nobody chose: the last three full months. */
        static final Choice DEFAULT = LAST_3_MONTHS;

        private final int months;

        Choice(int months) {
            this.months = months;
        }

        StatementPeriod endingBefore(LocalDate today) {
            var last = YearMonth.from(today).minusMonths(1);
            return new StatementPeriod(last.minusMonths(months - 1L).atDay(1), last.atEndOfMonth());
        }

        static Choice parse(String value) {
            for (var choice : values()) {
                if (choice.name().equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            return DEFAULT;
        }
    }
}
