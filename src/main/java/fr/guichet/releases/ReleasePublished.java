package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An agent published a release to the product's correspondents of every establishment. */
public record ReleasePublished(
        AccountId actor, ProductId product, ReleaseId release, String subject, int mails, Instant occurredAt)
        implements ReleaseEvent {

    @Override
    public @Nullable OrganizationId establishment() {
        return null;
    }
}
