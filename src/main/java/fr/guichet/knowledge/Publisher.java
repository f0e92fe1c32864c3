package fr.guichet.knowledge;

import fr.guichet.helpdesk.CategoryPublicationChanged;
import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.helpdesk.TicketChanged;
import fr.guichet.helpdesk.TicketId;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the published sheets in step with their tickets: after each committed act (in its own
 * transaction, within the second), a ticket the lifecycle publishes gets or updates its sheet,
 * redacted; one that stops being publishable keeps its sheet, hidden.
 */
@Component
class Publisher {

    private final PublishableTickets tickets;
    private final SheetRepository sheets;
    private final Redactor redactor;
    private final Clock clock;

    Publisher(PublishableTickets tickets, SheetRepository sheets, Redactor redactor, Clock clock) {
        this.tickets = tickets;
        this.sheets = sheets;
        this.redactor = redactor;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TicketChanged changed) {
        follow(changed.ticket());
    }

    /** A category stopped (or started) publishing: its tickets' sheets hide (or show) accordingly. */
    @ApplicationModuleListener
    void on(CategoryPublicationChanged changed) {
        tickets.publishableOf(changed.categoryId()).forEach(this::follow);
    }

    /**
     * In the listener's transaction. The sheet's row (inserted hidden when absent) is locked before
     * the ticket is read, so whichever of two close acts is followed last reads the last state; a
     * row inserted here for a ticket that is not publishable goes again (nothing is committed).
     */
    private void follow(TicketId id) {
        // every act takes the row, even of a ticket never published: checking first would read the
        // ticket before the lock (a close, later act could then leave a stale sheet public)
        var inserted = sheets.insertHiddenIfAbsent(id.value(), clock.instant()) == 1;
        // a row just inserted is ours until the commit; an existing one is locked before the ticket is read
        var existing = inserted ? null : sheets.lockedById(id.value()).orElseThrow();
        var ticket = tickets.find(id).orElse(null);
        if (inserted && (ticket == null || !ticket.publication().published())) {
            // the common case (an act on a ticket that publishes nothing): no entity, nothing for the index
            sheets.deleteUnfollowed(id.value());
            return;
        }
        var sheet = existing != null ? existing : sheets.lockedById(id.value()).orElseThrow();
        if (ticket == null) {
            sheets.delete(sheet);
            return;
        }
        sheet.follow(redactor.redact(ticket), clock.instant());
    }
}
