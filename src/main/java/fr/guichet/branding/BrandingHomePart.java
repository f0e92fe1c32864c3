package fr.guichet.branding;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.OrganizationHomePart;
import java.util.List;
import org.springframework.stereotype.Component;

/** "Gestion graphique" among the organisation's entries, for those who manage its branding. */
@Component
class BrandingHomePart implements OrganizationHomePart {

    private final BrandingAccess access;

    BrandingHomePart(BrandingAccess access) {
        this.access = access;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        if (!access.manages(new AccountId(viewer), new OrganizationId(organization))) {
            return List.of();
        }
        return List.of(new Entry("branding.heading", "/organisations/" + organization + "/gestion-graphique", 30));
    }
}
