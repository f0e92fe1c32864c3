package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** A person was added to an organisation: invited as a new user, or an existing account. */
@NamedInterface("events")
public record UserAdded(
        AccountId actor, long organizationId, String target, boolean invited, String sourceAddress, Instant occurredAt)
        implements AdministrationEvent {}
