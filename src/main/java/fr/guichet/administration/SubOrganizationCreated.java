package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A sub-organisation was created; its creator is its first admin. {@code inheritsCertificate}: it
 * encrypts with its parent's certificates, so no certificate request of its own is required.
 */
@NamedInterface("events")
public record SubOrganizationCreated(
        AccountId actor,
        long organizationId,
        String target,
        long parentId,
        String typeCode,
        boolean inheritsCertificate,
        String sourceAddress,
        Instant occurredAt)
        implements AdministrationEvent {}
