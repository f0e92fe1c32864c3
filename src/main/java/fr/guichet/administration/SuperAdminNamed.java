package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A person was named super admin of an establishment. */
public record SuperAdminNamed(AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt) implements AdministrationEvent {
}
