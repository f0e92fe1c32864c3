package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.OrganizationHomePart;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Among an establishment's entries: the registrations its super admins decide on, and its events' figures. */
@Component
class EventsHomePart implements OrganizationHomePart {

    private final Organizations organizations;
    private final Delegation delegation;
    private final EventStatisticsPages statistics;

    EventsHomePart(Organizations organizations, Delegation delegation, EventStatisticsPages statistics) {
        this.organizations = organizations;
        this.delegation = delegation;
        this.statistics = statistics;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        var id = new OrganizationId(organization);
        var establishment = organizations.find(id).filter(o -> o.establishment());
        if (establishment.isEmpty()) {
            return List.of();
        }
        var entries = new ArrayList<Entry>();
        if (delegation.isSuperAdminOf(new AccountId(viewer), id)) {
            entries.add(new Entry(
                    "events.approvals.entry", "/organisations/" + organization + "/inscriptions-evenements", 60));
        }
        if (statistics.mayRead(new AccountId(viewer), id)) {
            entries.add(new Entry(
                    "events.statistics.title", "/organisations/" + organization + "/statistiques-evenements", 61));
        }
        return entries;
    }
}
