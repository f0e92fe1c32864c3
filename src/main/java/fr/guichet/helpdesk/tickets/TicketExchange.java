package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One act on a ticket, kept for good: who, when, from which state to which, and its text. */
@Entity
@Table(name = "ticket_exchange")
class TicketExchange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id")
    private long ticketId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Enumerated(EnumType.STRING)
    private Actor actor;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "from_state")
    private String fromState;

    @Column(name = "to_state")
    private String toState;

    private String text;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TicketExchange() {}

    TicketExchange(
            TicketId ticket,
            Action action,
            Actor actor,
            Long authorId,
            TicketState from,
            TicketState to,
            String text,
            Instant at) {
        this.ticketId = ticket.value();
        this.action = action;
        this.actor = actor;
        this.authorId = authorId;
        this.fromState = from == null ? null : from.toString();
        this.toState = to.toString();
        this.text = text == null || text.isBlank() ? null : text.strip();
        this.createdAt = at;
    }

    TicketPage.Exchange view() {
        return new TicketPage.Exchange(action, actor, authorId, fromState, toState, text, createdAt);
    }
}
