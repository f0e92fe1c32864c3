package fr.guichet.helpdesk;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dates a ticket shows (DESIGN.md §2, helpdesk): the first reply the service commitment
 * promises (N business days after filing, by priority: 5, and 2 for blocking, as configured),
 * and while it waits for the site, the reminder and the automatic closure.
 */
@Component
class DueDates {

    /** What the ticket page shows; null dates do not apply. */
    public record Due(LocalDate firstReplyBy, boolean firstReplyLate, LocalDate reminder, LocalDate closure) {
    }

    private final JdbcClient jdbc;
    private final HelpdeskReference reference;
    private final Clock clock;

    DueDates(JdbcClient jdbc, HelpdeskReference reference, Clock clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.clock = clock;
    }

    Due of(TicketView ticket) {
        return of(ticket, reference.calendar());
    }

    /** With the calendar read once for many tickets (a dashboard). */
    Due of(TicketView ticket, BusinessCalendar calendar) {
        LocalDate firstReplyBy = null;
        var late = false;
        if (ticket.firstRepliedAt() == null && ticket.state().status().open()) {
            var filed = ticket.createdAt().atZone(clock.getZone()).toLocalDate();
            firstReplyBy = calendar.plusBusinessDays(filed, firstReplyDays(ticket.priority()));
            late = LocalDate.now(clock).isAfter(firstReplyBy);
        }
        if (ticket.waitingSince() == null) {
            return new Due(firstReplyBy, late, null, null);
        }
        var deadlines = QuietDeadlines.from(ticket.waitingSince(), calendar).pushedBy(ticket.deadlinePushDays(), calendar)
                .remindedOn(ticket.remindedOn(), calendar);
        return new Due(firstReplyBy, late, deadlines.reminder(), deadlines.closure());
    }

    int firstReplyDays(Priority priority) {
        return jdbc.sql("select first_reply_days from service_commitment where priority = ?")
                .param((priority == null ? Priority.NON_BLOCKING : priority).name()).query(Integer.class).optional().orElse(5);
    }
}
