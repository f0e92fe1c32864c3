package fr.guichet.helpdesk.calendar;

import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.reference.Commitments;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The dates a ticket shows: the first reply the service commitment
 * promises (N business days after filing, by priority: 5, and 2 for blocking, as configured),
 * and while it waits for the site, the reminder and the automatic closure.
 */
@Component
public class DueDates {

    /** What the ticket page shows; null dates do not apply. */
    public record Due(LocalDate firstReplyBy, boolean firstReplyLate, LocalDate reminder, LocalDate closure) {}

    private final Commitments commitments;
    private final AgencyCalendar calendar;
    private final Clock clock;

    DueDates(Commitments commitments, AgencyCalendar calendar, Clock clock) {
        this.commitments = commitments;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Due of(TicketView ticket) {
        return of(ticket, calendar.today());
    }

    /** With the calendar read once for many tickets (a dashboard). */
    public Due of(TicketView ticket, BusinessCalendar calendar) {
        LocalDate firstReplyBy = null;
        var late = false;
        if (ticket.firstRepliedAt() == null && ticket.state().status().open()) {
            var filed = ticket.createdAt().atZone(clock.getZone()).toLocalDate();
            firstReplyBy = calendar.plusBusinessDays(filed, commitments.firstReplyDays(ticket.priority()));
            late = LocalDate.now(clock).isAfter(firstReplyBy);
        }
        if (ticket.waitingSince() == null) {
            return new Due(firstReplyBy, late, null, null);
        }
        var deadlines = QuietDeadlines.from(ticket.waitingSince(), calendar)
                .pushedBy(ticket.deadlinePushDays(), calendar)
                .remindedOn(ticket.remindedOn(), calendar);
        return new Due(firstReplyBy, late, deadlines.reminder(), deadlines.closure());
    }

    public int firstReplyDays(Priority priority) {
        return commitments.firstReplyDays(priority);
    }
}
