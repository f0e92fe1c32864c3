package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketView;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything a ticket's page (and the API's detail) shows its reader, his roles worked out once. */
public record TicketPage(
        TicketView ticket,
        Set<Actor> roles,
        List<Exchange> exchanges,
        List<Offered> offered,
        List<TicketView> linked,
        @Nullable SiteFollowUp siteFollowUp) {

    /**
     * What the site keeps for its own follow-up: its internal number and the address the ticket's
     * e-mails go to. The site's and the agency's business, not a contractor's, who reads the ticket
     * only to solve it.
     */
    public record SiteFollowUp(@Nullable String internalReference, String followUpEmail) {

        static @Nullable SiteFollowUp of(Ticket ticket, Set<Actor> roles) {
            return roles.contains(Actor.REQUESTER) || roles.contains(Actor.AGENT)
                    ? new SiteFollowUp(ticket.view().internalReference(), ticket.followUpEmail())
                    : null;
        }
    }

    /** The requester side reads the states that wait for the site as addressed to him. */
    public boolean readByRequesterSide() {
        return roles.contains(Actor.REQUESTER);
    }

    /** An exchange as the ticket page and the API show it; the requester side reads the agency's own without text. */
    public record Exchange(
            Action action,
            Actor actor,
            @Nullable Long authorId,
            @Nullable String from,
            String to,
            @Nullable String text,
            Instant at) {

        /** The state the act led to, for its meaning to be shown. */
        public TicketState toState() {
            return TicketState.parse(to);
        }

        Exchange withoutText() {
            return new Exchange(action, actor, authorId, from, to, null, at);
        }
    }

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
