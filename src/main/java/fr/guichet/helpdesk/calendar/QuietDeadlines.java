package fr.guichet.helpdesk.calendar;

import java.time.LocalDate;

/**
 * The clock of a ticket waiting for the site (ARS: its answer; AVS: its validation): a reminder
 * after 5 business days, the automatic closure 5 business days later. An agent
 * may push both by a number of business days (a planned absence of the requester).
 */
public record QuietDeadlines(LocalDate reminder, LocalDate closure) {

    public static final int DAYS_TO_REMINDER = 5;
    public static final int DAYS_TO_CLOSURE = 5;

    public static QuietDeadlines from(LocalDate waitingSince, BusinessCalendar calendar) {
        var reminder = calendar.plusBusinessDays(waitingSince, DAYS_TO_REMINDER);
        return new QuietDeadlines(reminder, calendar.plusBusinessDays(reminder, DAYS_TO_CLOSURE));
    }

    /** Reminded (possibly late) on that day: the site still gets its 5 business days after the reminder. */
    public QuietDeadlines remindedOn(LocalDate day, BusinessCalendar calendar) {
        if (day == null) {
            return this;
        }
        var earliest = calendar.plusBusinessDays(day, DAYS_TO_CLOSURE);
        return earliest.isAfter(closure) ? new QuietDeadlines(reminder, earliest) : this;
    }

    public QuietDeadlines pushedBy(int businessDays, BusinessCalendar calendar) {
        return new QuietDeadlines(
                calendar.plusBusinessDays(reminder, businessDays), calendar.plusBusinessDays(closure, businessDays));
    }

    /**
     * What the daily job must do today: nothing on a day that is not a business day (a closure
     * period included); never a closure without the reminder first (a job that did not run on the
     * reminder's day reminds late, it does not close at once).
     */
    public Due dueOn(LocalDate today, boolean reminded, BusinessCalendar calendar) {
        if (!calendar.isBusinessDay(today)) {
            return Due.NOTHING;
        }
        if (!reminded) {
            return today.isBefore(reminder) ? Due.NOTHING : Due.REMIND;
        }
        return today.isBefore(closure) ? Due.NOTHING : Due.CLOSE;
    }

    public enum Due {
        NOTHING,
        REMIND,
        CLOSE
    }
}
