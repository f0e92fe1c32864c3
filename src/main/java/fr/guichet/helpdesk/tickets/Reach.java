package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketView;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Which tickets a person may see, as sets rather than one ticket at a time (the lists, the
 * dashboards, the search index): the rule of {@link VisibleTickets#rolesOf} for many tickets at once.
 *
 * @param establishments the establishments he belongs to now: a ticket he filed for one stays his
 *        while he does (a simple request, filed for none, stays his)
 * @param sites the (establishment, product) pairs he is correspondent of
 * @param everything a platform admin: every ticket
 * @param agent an agent: tickets of no team yet, and those of {@code teams}
 * @param contractors the companies whose agent he is: tickets handed to them
 */
@NamedInterface("search")
public record Reach(
        AccountId person,
        List<Long> establishments,
        List<Site> sites,
        boolean everything,
        boolean agent,
        List<Long> teams,
        List<Long> contractors) {

    public record Site(long establishment, long product) {}

    /**
     * Who he is to one ticket: its requester side (the filer, a correspondent of its site), an agent
     * (of its team, of no team yet, or a platform admin), its contractor; several at once is possible.
     */
    Set<Actor> roles(TicketView ticket) {
        var roles = EnumSet.noneOf(Actor.class);
        if (ticket.requester().equals(person)
                        && (ticket.establishmentId() == null || establishments.contains(ticket.establishmentId()))
                || ticket.establishmentId() != null
                        && ticket.productId() != null
                        && sites.contains(new Site(ticket.establishmentId(), ticket.productId()))) {
            roles.add(Actor.REQUESTER);
        }
        var team = ticket.teamId();
        if (everything || agent && (team == null || teams.contains(team.value()))) {
            roles.add(Actor.AGENT);
        }
        var contractor = ticket.contractorId();
        if (contractor != null && contractors.contains(contractor.value())) {
            roles.add(Actor.CONTRACTOR);
        }
        return roles;
    }

    /** The rule itself, on one ticket: what the index's filter says, checked again on what the index returned. */
    public boolean allows(TicketView ticket) {
        return !roles(ticket).isEmpty();
    }

    /** The same person as the requester side only: his own tickets and his sites' (his "demandes"). */
    public Reach requesterSide() {
        return new Reach(person, establishments, sites, false, false, List.of(), List.of());
    }
}
