package fr.guichet.administration;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A person's roles in a role-bearing service changed in one organisation (given, taken back, or
 * ended with his membership there). Not an {@link AdministrationEvent}: the trail already records
 * each right granted or revoked; this one tells the connected service what he holds now.
 */
@NamedInterface("events")
public record ServiceRolesChanged(AccountId person, long organizationId, String serviceCode, Instant occurredAt) {}
