package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A grant withdrawn: by a super admin, or because the person left his establishment (no actor). */
public record AccessRevoked(
        AccountId actor,
        AccessRequestId request,
        Long establishmentId,
        String target,
        String sourceAddress,
        Instant occurredAt)
        implements AccessEvent {}
