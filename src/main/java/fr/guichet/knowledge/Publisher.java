package fr.guichet.knowledge;

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

    /** In the listener's transaction; the sheet's row is locked before the ticket is read, so the last act wins. */
    private void follow(TicketId id) {
        if (!sheets.existsById(id.value())) {
            var publishable = tickets.find(id).map(t -> t.publication().published()).orElse(false);
            if (!publishable) {
                return;
            }
            sheets.insertHiddenIfAbsent(id.value(), clock.instant());
        }
        var sheet = sheets.lockedById(id.value()).orElseThrow();
        tickets.find(id).ifPresent(ticket -> sheet.follow(redactor.redact(ticket), clock.instant()));
    }
}
