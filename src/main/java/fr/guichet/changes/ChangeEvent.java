package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What happened to a change request, for the trail: who (none: the portal itself), on which establishment, what. */
public sealed interface ChangeEvent permits ChangeRequested, ChangeValidated, ChangeRefused {

    @Nullable
    AccountId actor();

    ChangeRequestId request();

    OrganizationId establishment();

    /** The request's kind, product and wanted data, in words the trail keeps. */
    String subject();

    Instant occurredAt();
}
