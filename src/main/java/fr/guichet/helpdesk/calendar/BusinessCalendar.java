package fr.guichet.helpdesk.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The agency's business days: not a weekend, not a French public holiday (from
 * jollyday's calendar, Easter-based ones included), not in one of the agency's closure periods.
 */
public final class BusinessCalendar {

    private static final HolidayManager FRANCE =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

    private final List<ClosurePeriod> closures;

    BusinessCalendar(List<ClosurePeriod> closures) {
        this.closures = List.copyOf(closures);
    }

    public boolean isBusinessDay(LocalDate day) {
        return !isWeekend(day) && !isPublicHoliday(day) && !isClosed(day);
    }

    public boolean isClosed(LocalDate day) {
        return closures.stream().anyMatch(c -> c.contains(day));
    }

    static boolean isPublicHoliday(LocalDate day) {
        return FRANCE.isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
    }

    /** The n-th business day after the given day (n ≥ 0; 0 is the day itself if it is one, else the next). */
    public LocalDate plusBusinessDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        var day = from;
        var counted = 0;
        if (n == 0) {
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        while (counted < n) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last day a ticket may be filed for {@link #plusBusinessDays}(day, n) to fall on {@code due}
     * or before: the service commitment's due date read backwards.
     */
    public LocalDate lastDayDueBy(LocalDate due, int n) {
        var day = due;
        // a closure period of a few months at most lies between: bounded, not endless
        for (var i = 0; i < 800 && plusBusinessDays(day, n).isAfter(due); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
