package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import java.time.Instant;
import java.util.Set;

/**
 * A ticket as the knowledge base may take it: its public fields and the one exchange it may show
 * (the solution or the decision), still unredacted; {@code people}, {@code establishmentId} and
 * {@code internalReference} say whose names, which establishment and which of the site's own
 * references the redaction must remove from them. Never its attachments or other exchanges.
 */
public record PublishableTicket(
        TicketId number,
        Publication publication,
        TicketState state,
        Long productId,
        String productName,
        String versionLabel,
        String fixedVersion,
        String domain,
        Nature nature,
        String messageCode,
        String title,
        String description,
        String answer,
        Instant openedAt,
        Instant answeredAt,
        Long establishmentId,
        Set<AccountId> people,
        String internalReference) {}
