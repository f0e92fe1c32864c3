package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** An act moved a ticket (the knowledge base listens: a validated solution is published). */
public record TicketChanged(
        TicketId ticket,
        Action action,
        Actor actor,
        AccountId by,
        TicketState from,
        TicketState to,
        Instant occurredAt) {}
