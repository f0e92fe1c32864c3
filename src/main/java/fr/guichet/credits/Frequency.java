package fr.guichet.credits;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a supervisor receives his statement by e-mail, and the periods each one covers: the
 * week from Monday to Sunday, the 1st to the 15th and the 16th to the month's end, the month, the
 * quarter. A period is sent once it is over.
 */
public enum Frequency {
    WEEKLY,
    TWICE_A_MONTH,
    MONTHLY,
    QUARTERLY;

    /** How many missed periods are caught up after a long stop: older ones are no news any more. */
    static final int CATCH_UP = 4;

    /** The period that contains this day. */
    StatementPeriod periodOf(LocalDate day) {
        switch (this) {
            case WEEKLY:
                var monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new StatementPeriod(monday, monday.plusDays(6));
            case TWICE_A_MONTH:
                return day.getDayOfMonth() <= 15
                        ? new StatementPeriod(day.withDayOfMonth(1), day.withDayOfMonth(15))
                        : new StatementPeriod(
                                day.withDayOfMonth(16), YearMonth.from(day).atEndOfMonth());
            case MONTHLY:
                return new StatementPeriod(
                        day.withDayOfMonth(1), YearMonth.from(day).atEndOfMonth());
            default:
                var firstMonth = YearMonth.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1);
                return new StatementPeriod(
                        firstMonth.atDay(1), firstMonth.plusMonths(2).atEndOfMonth());
        }
    }

    /**
     * The periods over by today that ended on or after the subscription day, at most the last
     * {@link #CATCH_UP} of them, oldest first: what is due if none was sent yet.
     */
    List<StatementPeriod> overSince(LocalDate subscribedOn, LocalDate today) {
        var periods = new ArrayList<StatementPeriod>();
        var period = periodOf(today.minusDays(1));
        if (!period.to().isBefore(today)) {
            period = periodOf(period.from().minusDays(1));
        }
        while (periods.size() < CATCH_UP && !period.to().isBefore(subscribedOn)) {
            periods.add(0, period);
            period = periodOf(period.from().minusDays(1));
        }
        return periods;
    }
}
