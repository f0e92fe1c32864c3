package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** An access request or grant as pages, the API and other modules see it. */
public record AccessRequestView(AccessRequestId id, ServiceId service, AccountId requester, Long establishmentId,
        AccessStatus status, Instant requestedAt, Instant decidedAt, AccountId decidedBy, String comment,
        Instant endedAt, Instant lastUsedAt, Instant reviewedAt) {
}
