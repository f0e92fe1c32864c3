package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An access request or grant as pages, the API and other modules see it. */
public record AccessRequestView(
        AccessRequestId id,
        ServiceId service,
        AccountId requester,
        @Nullable Long establishmentId,
        AccessStatus status,
        Instant requestedAt,
        @Nullable Instant decidedAt,
        @Nullable AccountId decidedBy,
        @Nullable String comment,
        @Nullable Instant endedAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant reviewedAt) {}
