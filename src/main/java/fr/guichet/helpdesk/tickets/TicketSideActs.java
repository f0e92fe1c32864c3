package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acts that keep a ticket's state: a complement of the requester side, an agent's
 * requalification or pushed deadlines, a link between two tickets. Kept and announced like the
 * lifecycle's acts.
 */
@Component
public class TicketSideActs {

    private final VisibleTickets visible;
    private final TicketLinks links;
    private final TicketJournal journal;
    private final TicketMails mails;
    private final HelpdeskReference reference;
    private final Clock clock;

    TicketSideActs(
            VisibleTickets visible,
            TicketLinks links,
            TicketJournal journal,
            TicketMails mails,
            HelpdeskReference reference,
            Clock clock) {
        this.visible = visible;
        this.reference = reference;
        this.links = links;
        this.journal = journal;
        this.mails = mails;
        this.clock = clock;
    }

    /** A dated complement of the requester side while the ticket is open; the handling agent is told. */
    @Transactional
    public void complement(AccountId person, TicketId id, @Nullable String text) {
        var ticket = as(person, id, Actor.REQUESTER);
        ticket.requireOpen();
        if (text == null || text.isBlank()) {
            throw new TransitionRefused("helpdesk.transition.required.text");
        }
        record(ticket, Action.COMPLEMENT, Actor.REQUESTER, person, text);
        mails.tellHandlingAgent(ticket, text);
    }

    /** An agent requalifies priority, domain (one of the product's) or nature; the requester side is told. */
    @Transactional
    public void requalify(
            AccountId person,
            TicketId id,
            @Nullable Priority priority,
            @Nullable String domain,
            @Nullable Nature nature) {
        var ticket = as(person, id, Actor.AGENT);
        ticket.requireOpen();
        var product = ticket.productId() == null ? null : new ProductId(ticket.productId());
        var chosen = ProductDomains.of(reference, product).chosen(domain);
        var changes = ticket.requalify(priority, chosen, nature, clock.instant());
        if (changes != null) {
            record(ticket, Action.REQUALIFY, Actor.AGENT, person, changes);
            mails.requesterSide(ticket, "ticket-changed", changes);
        }
    }

    /** An agent pushes the waiting ticket's reminder and closure (a planned absence of the site). */
    @Transactional
    public void pushDeadlines(AccountId person, TicketId id, int businessDays) {
        var ticket = as(person, id, Actor.AGENT);
        ticket.pushDeadlines(businessDays, clock.instant());
        record(ticket, Action.PUSH_DEADLINES, Actor.AGENT, person, "+" + businessDays);
    }

    /** Links two tickets the person may both see (both ways); closed ones too: a follow-up links to its origin. */
    @Transactional
    public void link(AccountId person, TicketId id, TicketId other) {
        var ticket = visible.of(person, id);
        var linked = visible.of(person, other);
        var roles = visible.rolesOf(person, ticket);
        if (!roles.contains(Actor.REQUESTER) && !roles.contains(Actor.AGENT)
                || ticket.id().equals(linked.id())) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        if (links.of(ticket.id()).contains(linked.id().value())) {
            return;
        }
        links.link(ticket.id(), linked.id(), person);
        var actor = roles.contains(Actor.AGENT) ? Actor.AGENT : Actor.REQUESTER;
        record(ticket, Action.LINK, actor, person, "#" + linked.id().value());
    }

    /** The ticket, if the person is this to it (seeing it in another role is not enough). */
    private Ticket as(AccountId person, TicketId id, Actor role) {
        var ticket = visible.of(person, id);
        if (!visible.rolesOf(person, ticket).contains(role)) {
            throw new TransitionRefused("helpdesk.transition.not-allowed");
        }
        return ticket;
    }

    private void record(Ticket ticket, Action action, Actor actor, AccountId by, String text) {
        journal.acted(ticket, action, actor, by, ticket.state(), text, clock.instant());
    }
}
