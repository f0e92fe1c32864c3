package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A sub-organisation was created; its creator is its first admin. */
@NamedInterface("events")
public record SubOrganizationCreated(
        AccountId actor,
        long organizationId,
        String target,
        long parentId,
        String typeCode,
        String sourceAddress,
        Instant occurredAt)
        implements AdministrationEvent {}
