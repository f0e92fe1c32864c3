package fr.guichet.knowledge;

import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.helpdesk.TicketChanged;
import fr.guichet.helpdesk.TicketId;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

    @Transactional
    void follow(TicketId id) {
        var ticket = tickets.find(id).orElse(null);
        if (ticket == null) {
            return;
        }
        var sheet = sheets.findById(id.value()).orElse(null);
        if (sheet == null && !ticket.publication().published()) {
            return;
        }
        if (sheet == null) {
            sheet = new Sheet(id.value());
        }
        sheet.follow(redactor.redact(ticket), clock.instant());
        sheets.save(sheet);
    }
}
