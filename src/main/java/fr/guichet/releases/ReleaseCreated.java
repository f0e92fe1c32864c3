package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An agent prepared a release (a draft, seen by the agency's staff only). */
public record ReleaseCreated(AccountId actor, ProductId product, ReleaseId release, String subject, Instant occurredAt)
        implements ReleaseEvent {

    @Override
    public @Nullable OrganizationId establishment() {
        return null;
    }
}
