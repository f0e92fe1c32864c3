package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.shared.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tickets as one person reads them: a ticket, its page, its exchanges and links. Filing is
 * {@link TicketFiling}'s, acting {@link TicketActs}' and {@link TicketSideActs}'.
 */
@Component
public class Tickets {

    private final TicketRepository tickets;
    private final VisibleTickets visible;
    private final TicketJournal journal;
    private final TicketLinks links;
    private final Reaches reaches;
    private final HelpdeskReference reference;

    Tickets(
            TicketRepository tickets,
            VisibleTickets visible,
            TicketJournal journal,
            TicketLinks links,
            Reaches reaches,
            HelpdeskReference reference) {
        this.reference = reference;
        this.tickets = tickets;
        this.visible = visible;
        this.journal = journal;
        this.links = links;
        this.reaches = reaches;
    }

    /** The ticket, if this person may see it (else 404, as if it did not exist). */
    @Transactional(readOnly = true)
    public TicketView find(AccountId person, TicketId id) {
        return visible.of(person, id).view();
    }

    @Transactional(readOnly = true)
    public TicketPage page(AccountId person, TicketId id) {
        // the reader's reach once (four queries), for his roles and for the links he may follow
        var reach = reaches.of(person);
        var ticket = visible.load(id);
        var view = ticket.view();
        var roles = reach.roles(view);
        if (roles.isEmpty()) {
            throw new NotFoundException();
        }
        return new TicketPage(
                view,
                roles,
                journal.readBy(roles, id),
                offered(ticket.state(), ticket.simpleRequest(), roles, reference.anyContractor()),
                visibleAmong(reach, links.of(id)),
                TicketPage.SiteFollowUp.of(ticket, roles));
    }

    /** Who he is to the ticket (requester side, agent, contractor); 404 when he does not reach it. */
    @Transactional(readOnly = true)
    public Set<Actor> rolesOf(AccountId person, TicketId id) {
        return visible.rolesOf(person, visible.of(person, id));
    }

    @Transactional(readOnly = true)
    List<TicketPage.Exchange> exchanges(AccountId person, TicketId id) {
        return journal.readBy(rolesOf(person, id), id);
    }

    @Transactional(readOnly = true)
    List<TicketView> linked(AccountId person, TicketId id) {
        visible.of(person, id);
        return linkedVisibleTo(person, id);
    }

    /** Of these tickets, in this order, those the person may see now. */
    @Transactional(readOnly = true)
    public List<TicketView> visibleAmong(Reach reach, List<Long> ids) {
        var found = new HashMap<Long, TicketView>();
        tickets.findAllById(ids).forEach(t -> found.put(t.id().value(), t.view()));
        return ids.stream()
                .map(found::get)
                .filter(t -> t != null && reach.allows(t))
                .toList();
    }

    /** The linked tickets this person may see too (a link may lead to another establishment's ticket). */
    private List<TicketView> linkedVisibleTo(AccountId person, TicketId id) {
        return visibleAmong(reaches.of(person), links.of(id));
    }

    /**
     * The acts the table lets him do now, each once with its targets. A hand-over is offered only
     * when the agency has a contractor to hand to (no product names its contractors: any company
     * may take any product's ticket).
     */
    static List<TicketPage.Offered> offered(
            TicketState state, boolean simpleRequest, Set<Actor> roles, boolean contractorsExist) {
        if (!state.status().open()) {
            return List.of();
        }
        var byAction = new LinkedHashMap<Action, List<TicketState>>();
        for (var role : roles) {
            for (var t : Lifecycle.available(state, role, simpleRequest)) {
                if (t.action() == Action.HAND_TO_CONTRACTOR && !contractorsExist) {
                    continue;
                }
                var targets = byAction.computeIfAbsent(t.action(), a -> new ArrayList<>());
                if (!t.to().resumes() && !targets.contains(t.to().state())) {
                    targets.add(t.to().state());
                }
            }
        }
        return byAction.entrySet().stream()
                .map(e -> new TicketPage.Offered(e.getKey(), e.getKey().requirement(), e.getValue()))
                .toList();
    }
}
