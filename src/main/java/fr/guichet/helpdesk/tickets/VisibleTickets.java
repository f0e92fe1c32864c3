package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.shared.NotFoundException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A ticket as one person reaches it. Who he is to it (its requester side, an agent, the contractor it
 * is handed to) is decided from the records by {@link Reach#roles}, the one rule the search and the
 * dashboards filter by too; whoever is none of them does not see the ticket at all (404).
 */
@Component
class VisibleTickets {

    private final TicketRepository tickets;
    private final Reaches reaches;

    VisibleTickets(TicketRepository tickets, Reaches reaches) {
        this.tickets = tickets;
        this.reaches = reaches;
    }

    /** The ticket, whoever asks: the clock's acts, or a first load before the roles are worked out. */
    Ticket load(TicketId id) {
        return tickets.findById(id.value()).orElseThrow(NotFoundException::new);
    }

    Ticket of(AccountId person, TicketId id) {
        var ticket = load(id);
        if (rolesOf(person, ticket).isEmpty()) {
            throw new NotFoundException();
        }
        return ticket;
    }

    Set<Actor> rolesOf(AccountId person, Ticket ticket) {
        return reaches.of(person).roles(ticket.view());
    }
}
