package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A person asked for a service (granted at once when the service is open to every confirmed member). */
public record AccessRequested(
        AccountId actor,
        AccessRequestId request,
        Long establishmentId,
        String target,
        String sourceAddress,
        Instant occurredAt)
        implements AccessEvent {}
