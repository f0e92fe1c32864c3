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
        var calendar = reference.calendar();
        LocalDate firstReplyBy = null;
        var late = false;
        if (ticket.firstRepliedAt() == null && ticket.state().status().open()) {
            var filed = ticket.createdAt().atZone(clock.getZone()).toLocalDate();
            firstReplyBy = calendar.plusBusinessDays(filed, firstReplyDays(ticket.priority()));
            late = LocalDate.now(clock).isAfter(firstReplyBy);
        }
        LocalDate reminder = null;
        LocalDate closure = null;
        var waiting = tickets(ticket);
        if (waiting != null) {
            var deadlines = QuietDeadlines.from(waiting.waitingSince(), calendar).pushedBy(waiting.deadlinePushDays(), calendar);
            reminder = deadlines.reminder();
            closure = deadlines.closure();
        }
        return new Due(firstReplyBy, late, reminder, closure);
    }

    int firstReplyDays(Priority priority) {
        return jdbc.sql("select first_reply_days from service_commitment where priority = ?")
                .param((priority == null ? Priority.NON_BLOCKING : priority).name()).query(Integer.class).optional().orElse(5);
    }

    private record Waiting(LocalDate waitingSince, int deadlinePushDays) {
    }

    private Waiting tickets(TicketView ticket) {
        return jdbc.sql("select waiting_since, deadline_push_days from ticket where id = ? and waiting_since is not null")
                .param(ticket.id().value())
                .query((rs, n) -> new Waiting(rs.getObject(1, LocalDate.class), rs.getInt(2))).optional().orElse(null);
    }
}
