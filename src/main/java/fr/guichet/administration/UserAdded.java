package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A person was added to an organisation: invited as a new user, or an existing account. */
public record UserAdded(AccountId actor, long organizationId, String target, boolean invited, String sourceAddress, Instant occurredAt) implements AdministrationEvent {
}
