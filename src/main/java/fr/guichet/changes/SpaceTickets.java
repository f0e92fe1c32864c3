package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteTickets;
import fr.guichet.organization.OrganizationId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * His tickets on each of his sites, as the correspondent's space lists them next to the site's data:
 * the latest few of each kind, the rest a search away.
 */
@Component
class SpaceTickets {

    /** Enough to see where things stand at a glance; the search lists the rest. */
    static final int LATEST = 5;

    /** His tickets, site by site; a site the helpdesk does not know of has none. */
    record Summary(Map<List<Long>, SiteTickets.OfSite> bySite) {

        public SiteTickets.OfSite of(OrganizationId establishment, ProductId product) {
            var found = bySite.get(List.of(establishment.value(), product.value()));
            return found != null
                    ? found
                    : new SiteTickets.OfSite(establishment, product, List.of(), 0, List.of(), 0, null);
        }
    }

    private final SiteTickets tickets;

    SpaceTickets(SiteTickets tickets) {
        this.tickets = tickets;
    }

    Summary of(AccountId person) {
        var bySite = new HashMap<List<Long>, SiteTickets.OfSite>();
        tickets.of(person, LATEST)
                .forEach(site -> bySite.put(
                        List.of(site.establishment().value(), site.product().value()), site));
        return new Summary(bySite);
    }
}
