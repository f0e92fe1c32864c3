package fr.guichet.helpdesk.search;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.tickets.Reaches;
import fr.guichet.shared.OrganizationHomePart;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The "Support" entry of an establishment's home page: its tickets dashboard, for those who reach
 * its tickets (its correspondents, for their products).
 */
@Component
class SupportEntry implements OrganizationHomePart {

    private final Reaches reaches;

    SupportEntry(Reaches reaches) {
        this.reaches = reaches;
    }

    @Override
    public List<Entry> entries(long viewer, long organization) {
        var reachesIt = reaches.of(new AccountId(viewer)).requesterSide().sites().stream()
                .anyMatch(site -> site.establishment() == organization);
        return reachesIt
                ? List.of(new Entry("helpdesk.establishment.entry", "/demandes/etablissement", 40))
                : List.of();
    }
}
