package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** An organisation, left without users nor sub-organisations, was deleted. */
public record OrganizationDeleted(AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt) implements AdministrationEvent {
}
