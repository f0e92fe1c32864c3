package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** Access refused by a decider, with his reason. */
public record AccessRefused(
        AccountId actor,
        AccessRequestId request,
        Long establishmentId,
        String target,
        String sourceAddress,
        Instant occurredAt)
        implements AccessEvent {}
