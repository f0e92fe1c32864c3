package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A ticket was filed. */
public record TicketFiled(
        TicketId ticket,
        AccountId requester,
        Long establishmentId,
        Long productId,
        TicketState state,
        Instant occurredAt) {}
