package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;

/** An agent validated a change request: the establishment's data now say what it asked. */
public record ChangeValidated(
        AccountId actor, ChangeRequestId request, OrganizationId establishment, String subject, Instant occurredAt)
        implements ChangeEvent {}
