package fr.guichet.credits;

import java.time.Instant;

/** An agent undid a movement by its counter-movement. */
public record CreditMovementCorrected(
        long agentId,
        long organizationId,
        long correctedId,
        long counterId,
        String reason,
        String sourceAddress,
        Instant at) {}
