package fr.guichet.releases;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happened to a product's releases or project addresses, for the trail. */
public sealed interface ReleaseEvent permits ReleaseCreated, ReleasePublished, ProjectAddressChanged {

    AccountId actor();

    ProductId product();

    /** The establishment it concerns, none for what concerns every one. */
    @Nullable
    OrganizationId establishment();

    /** What it is about, in words the trail keeps. */
    String subject();

    Instant occurredAt();
}
