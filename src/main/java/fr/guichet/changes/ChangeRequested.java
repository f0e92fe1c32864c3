package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;

/** A correspondent asked for a change. */
public record ChangeRequested(
        AccountId actor, ChangeRequestId request, OrganizationId establishment, String subject, Instant occurredAt)
        implements ChangeEvent {}
