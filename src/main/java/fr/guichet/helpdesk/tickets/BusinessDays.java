package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.calendar.BusinessCalendar;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How many business days a ticket waited: those after its filing day up to the day of the reply,
 * both as the agency's calendar reads them. The days are remembered: a recount walks the same
 * months for thousands of tickets.
 */
final class BusinessDays implements TicketFacts.Clockwork {

    /** A ticket open for longer is counted as this many days: a few years' walk, not an endless one. */
    private static final int LONGEST = 3660;

    private final BusinessCalendar calendar;
    private final Map<LocalDate, Boolean> known = new HashMap<>();
    private final Map<Priority, Integer> commitments;

    BusinessDays(BusinessCalendar calendar, Map<Priority, Integer> commitments) {
        this.calendar = calendar;
        this.commitments = new EnumMap<>(commitments);
    }

    @Override
    public int firstReplyDays(@Nullable Priority priority) {
        return commitments.get(priority == null ? Priority.NON_BLOCKING : priority);
    }

    @Override
    public int businessDaysBetween(LocalDate filed, LocalDate done) {
        var days = 0;
        var day = filed.plusDays(1);
        for (var walked = 0; !day.isAfter(done) && walked < LONGEST; walked++) {
            if (known.computeIfAbsent(day, calendar::isBusinessDay)) {
                days++;
            }
            day = day.plusDays(1);
        }
        return days;
    }
}
