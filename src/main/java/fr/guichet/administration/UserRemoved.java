package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A person was removed from an organisation, with his roles and rights there. */
@NamedInterface("events")
public record UserRemoved(AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
