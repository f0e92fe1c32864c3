package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** An organisation's coordinates were changed. */
@NamedInterface("events")
public record OrganizationChanged(
        AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
