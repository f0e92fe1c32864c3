package fr.guichet.helpdesk.calendar;

import java.time.LocalDate;

/** A period the agency is closed (inclusive): no business day, no reminder, no automatic closure. */
public record ClosurePeriod(LocalDate first, LocalDate last, String label) {

    public ClosurePeriod {
        if (first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a closure period ends on or after its first day");
        }
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }
}
