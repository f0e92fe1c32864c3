package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change request refused: by an agent, with his reason, or by the portal (no actor) because the
 * data had changed since it was asked.
 */
public record ChangeRefused(
        @Nullable AccountId actor,
        ChangeRequestId request,
        OrganizationId establishment,
        String subject,
        @Nullable String reason,
        Instant occurredAt)
        implements ChangeEvent {}
