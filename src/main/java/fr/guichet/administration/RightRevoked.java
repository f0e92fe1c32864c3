package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A right or role was taken back. */
@NamedInterface("events")
public record RightRevoked(
        AccountId actor,
        long organizationId,
        String target,
        String kind,
        String code,
        String sourceAddress,
        Instant occurredAt)
        implements AdministrationEvent {}
