package fr.guichet.helpdesk.search;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.search.DashboardQueries.Listed;
import fr.guichet.helpdesk.tickets.Reach;
import fr.guichet.helpdesk.tickets.Reaches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The requester side's dashboards: his own ("demandes en cours", "traitées") and his
 * establishments' (the "Tableau de bord", with the distribution by nature and product). Counted and
 * listed from the ticket index, under the reader's reach like the search.
 */
@Component
class TicketDashboards {

    private static final AggregationKey<Map<TicketStatus, Long>> BY_STATUS = AggregationKey.of("status");
    private static final AggregationKey<Map<Nature, Long>> BY_NATURE = AggregationKey.of("nature");
    private static final AggregationKey<Map<Long, Long>> BY_PRODUCT = AggregationKey.of("product");

    private final DashboardQueries queries;
    private final Reaches reaches;

    TicketDashboards(DashboardQueries queries, Reaches reaches) {
        this.queries = queries;
        this.reaches = reaches;
    }

    /** The requester side's groups, each with its count and newest tickets. */
    @Transactional(readOnly = true)
    Map<TicketStatus.DashboardGroup, Listed> requester(AccountId person) {
        var reach = reaches.of(person).requesterSide();
        var counts = queries.search((f, root) -> root.filter(TicketSearch.visibleTo(f, reach)))
                .aggregation(
                        BY_STATUS,
                        f -> f.terms().field("status", TicketStatus.class).maxTermCount(TicketStatus.values().length))
                .fetch(0)
                .aggregation(BY_STATUS);
        var groups = new EnumMap<TicketStatus.DashboardGroup, Listed>(TicketStatus.DashboardGroup.class);
        for (var group : TicketStatus.DashboardGroup.values()) {
            var statuses = Arrays.stream(TicketStatus.values())
                    .filter(s -> s.group() == group)
                    .toList();
            var count =
                    statuses.stream().mapToLong(s -> counts.getOrDefault(s, 0L)).sum();
            groups.put(
                    group,
                    new Listed(
                            count,
                            count == 0
                                    ? List.of()
                                    : queries.newest((f, root) -> {
                                        root.filter(TicketSearch.visibleTo(f, reach));
                                        root.filter(f.terms().field("status").matchingAny(statuses));
                                    })));
        }
        return groups;
    }

    /** One establishment's tickets the reader may see (his sites there): the establishment's dashboard. */
    public record Establishment(
            long establishmentId,
            long awaitingPrecision,
            long open,
            long closed,
            Map<Nature, Long> byNature,
            Map<String, Long> byProduct) {}

    @Transactional(readOnly = true)
    List<Establishment> establishments(AccountId person) {
        var reach = reaches.of(person).requesterSide();
        var products = queries.productNames();
        var bySite = new LinkedHashMap<Long, List<Reach.Site>>();
        reach.sites()
                .forEach(s -> bySite.computeIfAbsent(s.establishment(), e -> new ArrayList<>())
                        .add(s));
        var views = new ArrayList<Establishment>();
        bySite.forEach((establishment, sites) -> {
            var there = new Reach(person, reach.establishments(), sites, false, false, List.of(), List.of());
            var result = queries.search((f, root) -> {
                        root.filter(TicketSearch.visibleTo(f, there));
                        root.filter(f.match().field("establishmentId").matching(establishment));
                    })
                    .aggregation(
                            BY_STATUS,
                            f -> f.terms()
                                    .field("status", TicketStatus.class)
                                    .maxTermCount(TicketStatus.values().length))
                    .aggregation(BY_NATURE, f -> f.terms().field("qualification.nature", Nature.class))
                    .aggregation(
                            BY_PRODUCT,
                            f -> f.terms().field("productId", Long.class).maxTermCount(200))
                    .fetch(0);
            var statuses = result.aggregation(BY_STATUS);
            var open = statuses.entrySet().stream()
                    .filter(e -> e.getKey().open())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            var closed = statuses.entrySet().stream()
                    .filter(e -> !e.getKey().open())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            var byNature = new EnumMap<Nature, Long>(Nature.class);
            for (var nature : Nature.values()) {
                byNature.put(nature, result.aggregation(BY_NATURE).getOrDefault(nature, 0L));
            }
            var byProduct = new LinkedHashMap<String, Long>();
            result.aggregation(BY_PRODUCT)
                    .forEach((product, count) -> byProduct.put(products.getOrDefault(product, "#" + product), count));
            views.add(new Establishment(
                    establishment, statuses.getOrDefault(TicketStatus.ARS, 0L), open, closed, byNature, byProduct));
        });
        return views;
    }
}
