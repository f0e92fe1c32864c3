package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change request as its pages and the API show it.
 *
 * @param before what the data said when it was asked, in words (none: there was nothing yet)
 * @param after what it asks for, in words
 * @param outdated refused by the portal itself: the data had changed since the request
 */
public record ChangeView(
        ChangeRequestId id,
        ChangeKind kind,
        OrganizationId establishment,
        String establishmentName,
        @Nullable ProductId product,
        @Nullable String productName,
        AccountId requester,
        String requesterName,
        ChangeStatus status,
        @Nullable String before,
        String after,
        @Nullable String proofName,
        @Nullable String reason,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedByName,
        boolean outdated) {}
