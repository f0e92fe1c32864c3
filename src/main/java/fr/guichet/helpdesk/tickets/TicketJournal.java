package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketChanged;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TransitionRefused;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The exchanges kept of every act, and the event that tells the other modules (the knowledge base,
 * the search index) that a ticket changed: both in the act's transaction.
 */
@Component
class TicketJournal {

    /**
     * The agency's own exchanges: a contractor's proposed answer before the agency validates it, its
     * return to the contractor, an internal expert's opinion, who handles it. The site is told the
     * ticket moved, not what was written.
     */
    static final Set<Action> INTERNAL = EnumSet.of(
            Action.CONTRACTOR_ANSWER,
            Action.RETURN_TO_CONTRACTOR,
            Action.ASK_EXPERT,
            Action.EXPERT_ANSWERED,
            Action.HAND_TO_CONTRACTOR,
            Action.TAKE_BACK,
            Action.DISPATCH,
            Action.TAKE);

    /** The longest text an exchange keeps (ticket_exchange.text). */
    static final int TEXT_LIMIT = 20_000;

    private final TicketExchangeRepository exchanges;
    private final ApplicationEventPublisher events;

    TicketJournal(TicketExchangeRepository exchanges, ApplicationEventPublisher events) {
        this.exchanges = exchanges;
        this.events = events;
    }

    /** The first exchange: the description as filed (the filing announces itself, with what other modules need). */
    void filed(Ticket ticket, Action action, Actor actor, AccountId author, String description, Instant at) {
        exchanges.save(
                new TicketExchange(ticket.id(), action, actor, author.value(), null, ticket.state(), description, at));
    }

    /** An act, whether it moved the ticket or kept its state (a complement, a requalification, a link). */
    void acted(
            Ticket ticket,
            Action action,
            Actor actor,
            @Nullable AccountId by,
            TicketState from,
            @Nullable String text,
            Instant at) {
        if (text != null && text.length() > TEXT_LIMIT) {
            // the column's size: beyond it the database refused the row and the person saw a 500
            throw new TransitionRefused("helpdesk.transition.text-too-long", TEXT_LIMIT);
        }
        var to = ticket.state();
        exchanges.save(
                new TicketExchange(ticket.id(), action, actor, by == null ? null : by.value(), from, to, text, at));
        events.publishEvent(new TicketChanged(ticket.id(), action, actor, by, from, to, at));
    }

    /** The text of the last exchange of this kind (the contractor's answer the agency validates as it is). */
    @Nullable
    String lastText(TicketId id, Action action) {
        var all = exchanges.findByTicketIdOrderByIdAsc(id.value());
        for (var i = all.size() - 1; i >= 0; i--) {
            var exchange = all.get(i).view();
            if (exchange.action() == action) {
                return exchange.text();
            }
        }
        return null;
    }

    /** The exchanges as this reader may read them: the requester side without the agency's internal texts. */
    List<TicketPage.Exchange> readBy(Set<Actor> roles, TicketId id) {
        var agencySide = roles.contains(Actor.AGENT) || roles.contains(Actor.CONTRACTOR);
        return exchanges.findByTicketIdOrderByIdAsc(id.value()).stream()
                .map(TicketExchange::view)
                .map(e -> agencySide || !INTERNAL.contains(e.action()) ? e : e.withoutText())
                .toList();
    }
}
