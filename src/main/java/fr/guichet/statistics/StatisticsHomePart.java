package fr.guichet.statistics;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.OrganizationHomePart;
import java.util.List;
import org.springframework.stereotype.Component;

/** "Statistiques" among an organisation's entries, for those who may read them. */
@Component
class StatisticsHomePart implements OrganizationHomePart {

    private final StatisticsAccess access;

    StatisticsHomePart(StatisticsAccess access) {
        this.access = access;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        if (!access.mayView(new AccountId(viewer), new OrganizationId(organization))) {
            return List.of();
        }
        return List.of(new Entry("statistics.heading", "/organisations/" + organization + "/statistiques", 20));
    }
}
