package fr.guichet.changes;

import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * A request about to be recorded, as a chapter builds it from its form.
 *
 * @param about what, within the kind and site, only one pending request may be about at a time (the
 *     person named or leaving, the requester's own data; "-" for the site's one chapter)
 * @param before the data now (JSON), none when there is none yet
 * @param after the data wanted (JSON)
 */
record Draft(
        ChangeKind kind,
        OrganizationId establishment,
        @Nullable ProductId product,
        String about,
        @Nullable String before,
        String after) {}
