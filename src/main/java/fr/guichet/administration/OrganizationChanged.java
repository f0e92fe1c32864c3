package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** An organisation's coordinates were changed. */
public record OrganizationChanged(AccountId actor, long organizationId, String target, String sourceAddress, Instant occurredAt) implements AdministrationEvent {
}
