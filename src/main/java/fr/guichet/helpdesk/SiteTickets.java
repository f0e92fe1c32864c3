package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A correspondent's own tickets on each site (establishment and product) he is still correspondent
 * of, for his space's summary: the latest few in progress and treated, and where to file a new one.
 * Whoever stops being a site's correspondent no longer finds its tickets here.
 */
public interface SiteTickets {

    /** One ticket as a summary line shows it; {@link TicketState#meaningKey} says it in words. */
    record Line(TicketId id, String title, TicketState state, Instant updatedAt) {}

    /**
     * His tickets on one site, the most recently changed first.
     *
     * @param inProgress the latest of his open tickets, at most the number asked
     * @param inProgressCount how many open tickets he has there in all
     * @param treated the latest of his closed tickets (TER, EXC, REJ, ABN), at most the number asked
     * @param filingCategory the product's level-2 category, where a ticket for it is filed; none when the agency has none open
     */
    record OfSite(
            OrganizationId establishment,
            ProductId product,
            List<Line> inProgress,
            long inProgressCount,
            List<Line> treated,
            long treatedCount,
            @Nullable CategoryId filingCategory) {}

    /**
     * Every site he is correspondent of, in a bounded number of queries whatever their count (a
     * correspondent of many sites reads his space as fast as one of a few).
     *
     * @param latest how many tickets of each kind (in progress, treated) each site lists
     */
    List<OfSite> of(AccountId person, int latest);
}
