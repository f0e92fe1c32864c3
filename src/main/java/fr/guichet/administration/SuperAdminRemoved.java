package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A person stopped being super admin of an establishment. */
@NamedInterface("events")
public record SuperAdminRemoved(
        AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
