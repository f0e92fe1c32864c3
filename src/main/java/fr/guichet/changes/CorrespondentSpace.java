package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SoftwareCorrespondents;
import fr.guichet.helpdesk.SoftwareCorrespondents.SoftwareCorrespondent;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the correspondent's space sums up: each product he is correspondent for, where, and where its data stand. */
@Component
class CorrespondentSpace {

    /**
     * One establishment and product.
     *
     * @param installed the version the agency validated, none yet
     * @param pending his establishment's request waiting for the agency, if any
     * @param correspondents the establishment's correspondents of the product, him included
     */
    record Site(
            OrganizationId establishment,
            String establishmentName,
            ProductId product,
            String productName,
            CorrespondentKind kind,
            @Nullable String installed,
            @Nullable ChangeView pending,
            List<SoftwareCorrespondent> correspondents) {}

    private final CorrespondentSites reference;
    private final Organizations organizations;
    private final ChangeRequests changes;
    private final SoftwareCorrespondents correspondents;

    CorrespondentSpace(
            CorrespondentSites reference,
            Organizations organizations,
            ChangeRequests changes,
            SoftwareCorrespondents correspondents) {
        this.reference = reference;
        this.organizations = organizations;
        this.changes = changes;
        this.correspondents = correspondents;
    }

    @Transactional(readOnly = true)
    List<Site> sitesOf(AccountId person) {
        return reference.sitesOf(person).stream()
                .map(site -> new Site(
                        site.establishment(),
                        organizations
                                .find(site.establishment())
                                .map(OrganizationView::name)
                                .orElse("—"),
                        site.product(),
                        site.productName(),
                        site.kind(),
                        reference
                                .installedVersion(site.establishment(), site.product())
                                .map(CorrespondentSites.Installed::label)
                                .orElse(null),
                        changes.ofSite(person, site.establishment(), site.product()).stream()
                                .filter(c -> c.status() == ChangeStatus.PENDING)
                                .findFirst()
                                .orElse(null),
                        correspondents.of(site.establishment()).stream()
                                .filter(c -> c.product().equals(site.productName()))
                                .toList()))
                .toList();
    }

    /** One of his sites, or not found: a form for a site he is no correspondent of does not exist. */
    @Transactional(readOnly = true)
    Site site(AccountId person, OrganizationId establishment, ProductId product) {
        return sitesOf(person).stream()
                .filter(s ->
                        s.establishment().equals(establishment) && s.product().equals(product))
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
