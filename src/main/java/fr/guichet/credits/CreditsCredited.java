package fr.guichet.credits;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An agent credited an organisation by hand (what services post is the ledger's own record). */
public record CreditsCredited(
        long agentId,
        long organizationId,
        long movementId,
        long amount,
        @Nullable String reason,
        String sourceAddress,
        Instant at) {}
