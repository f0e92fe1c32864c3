package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** Access granted by a decider. */
public record AccessAccepted(
        AccountId actor,
        AccessRequestId request,
        Long establishmentId,
        String target,
        String sourceAddress,
        Instant occurredAt)
        implements AccessEvent {}
