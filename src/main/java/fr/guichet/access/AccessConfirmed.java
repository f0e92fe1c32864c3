package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A grant confirmed in an access review. */
public record AccessConfirmed(
        AccountId actor,
        AccessRequestId request,
        Long establishmentId,
        String target,
        String sourceAddress,
        Instant occurredAt)
        implements AccessEvent {}
