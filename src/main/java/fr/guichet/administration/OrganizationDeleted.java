package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** An organisation, left without users nor sub-organisations, was deleted. */
@NamedInterface("events")
public record OrganizationDeleted(
        AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
