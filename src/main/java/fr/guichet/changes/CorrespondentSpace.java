package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.util.HashMap;
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
     * @param pending his establishment's requests on the product waiting for the agency
     * @param correspondents the establishment's correspondents of the product, him included
     * @param servers the machines the product runs on there, as the agency validated them
     * @param me how he himself is reached as this site's correspondent
     */
    record Site(
            OrganizationId establishment,
            String establishmentName,
            ProductId product,
            String productName,
            CorrespondentKind kind,
            @Nullable String installed,
            List<ChangeView> pending,
            List<CorrespondentSites.Named> correspondents,
            List<SiteServers.Server> servers,
            CorrespondentSites.@Nullable Named me) {

        /** A version already asked: the page offers no second request. */
        public boolean versionPending() {
            return pending.stream().anyMatch(p -> p.kind() == ChangeKind.INSTALLED_VERSION);
        }
    }

    /** An establishment he is correspondent of, for its own data. */
    record Establishment(OrganizationId id, String name) {}

    private final CorrespondentSites reference;
    private final Organizations organizations;
    private final ChangeRequests changes;
    private final SiteServers servers;

    CorrespondentSpace(
            CorrespondentSites reference, Organizations organizations, ChangeRequests changes, SiteServers servers) {
        this.reference = reference;
        this.organizations = organizations;
        this.changes = changes;
        this.servers = servers;
    }

    @Transactional(readOnly = true)
    List<Site> sitesOf(AccountId person) {
        var sites = reference.sitesOf(person);
        return summed(person, sites);
    }

    /**
     * His sites summed up: the names of their establishments and their pending requests read once
     * for all of them; each site's version, correspondents and servers still one by one.
     */
    private List<Site> summed(AccountId person, List<CorrespondentSites.Site> sites) {
        var names = new HashMap<OrganizationId, String>();
        organizations
                .findAll(sites.stream()
                        .map(CorrespondentSites.Site::establishment)
                        .distinct()
                        .toList())
                .forEach(o -> names.put(o.id(), o.name()));
        var pending = changes.pendingOn(sites);
        return sites.stream()
                .map(site -> {
                    var named = reference.named(site.establishment(), site.product());
                    return new Site(
                            site.establishment(),
                            names.getOrDefault(site.establishment(), "—"),
                            site.product(),
                            site.productName(),
                            site.kind(),
                            reference
                                    .installedVersion(site.establishment(), site.product())
                                    .map(CorrespondentSites.Installed::label)
                                    .orElse(null),
                            pending.stream()
                                    .filter(c -> c.establishment().equals(site.establishment())
                                            && site.product().equals(c.product()))
                                    .toList(),
                            named,
                            servers.servers(site.establishment(), site.product()),
                            named.stream()
                                    .filter(n -> n.person().equals(person))
                                    .findFirst()
                                    .orElse(null));
                })
                .toList();
    }

    /** The establishments he is correspondent of (of any product), each once. */
    @Transactional(readOnly = true)
    List<Establishment> establishmentsOf(AccountId person) {
        var ids = reference.sitesOf(person).stream()
                .map(CorrespondentSites.Site::establishment)
                .distinct()
                .toList();
        return organizations.findAll(ids).stream()
                .map(o -> new Establishment(o.id(), o.name()))
                .toList();
    }

    /** One of his establishments, or not found. */
    @Transactional(readOnly = true)
    Establishment establishment(AccountId person, OrganizationId establishment) {
        return establishmentsOf(person).stream()
                .filter(e -> e.id().equals(establishment))
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** One of his sites, or not found: a form for a site he is no correspondent of does not exist. */
    @Transactional(readOnly = true)
    Site site(AccountId person, OrganizationId establishment, ProductId product) {
        // the one site summed up, not all of his: a form needs no more
        return reference.sitesOf(person).stream()
                .filter(s ->
                        s.establishment().equals(establishment) && s.product().equals(product))
                .findFirst()
                .map(s -> summed(person, List.of(s)).get(0))
                .orElseThrow(NotFoundException::new);
    }
}
