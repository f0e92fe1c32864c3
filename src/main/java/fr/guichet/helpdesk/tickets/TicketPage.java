package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketView;
import java.util.List;
import java.util.Set;

/** Everything a ticket's page (and the API's detail) shows its reader, his roles worked out once. */
public record TicketPage(
        TicketView ticket,
        Set<Actor> roles,
        List<ExchangeView> exchanges,
        List<Offered> offered,
        List<TicketView> linked) {

    /** An act the reader may do now, with what it asks for and, when it has several, its target states. */
    public record Offered(Action action, Action.Requirement requirement, List<TicketState> targets) {}

    public boolean mayComplement() {
        return ticket.state().status().open() && roles.contains(Actor.REQUESTER);
    }

    public boolean mayRequalify() {
        return ticket.state().status().open() && roles.contains(Actor.AGENT);
    }

    public boolean mayLink() {
        return roles.contains(Actor.REQUESTER) || roles.contains(Actor.AGENT);
    }
}
