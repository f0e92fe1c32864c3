package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A right or role was taken back. */
public record RightRevoked(AccountId actor, long organizationId, String target, String kind, String code, String sourceAddress, Instant occurredAt) implements AdministrationEvent {
}
