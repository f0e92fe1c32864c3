package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteTickets;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.organization.OrganizationId;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A correspondent's tickets per site, in three queries whatever his number of sites: his sites, the
 * latest of his tickets on each (numbered per site and kind by the database, so only those travel),
 * and the level-2 category of each product. Joining the correspondent rows is what keeps a site he
 * has left out of it.
 */
@Component
class CorrespondentTickets implements SiteTickets {

    private static final List<String> CLOSED = Arrays.stream(TicketStatus.values())
            .filter(s -> !s.open())
            .map(Enum::name)
            .toList();

    private record SiteKey(long establishment, long product) {}

    private record Row(SiteKey site, Line line, boolean closed, long count) {}

    private final JdbcClient jdbc;

    CorrespondentTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OfSite> of(AccountId person, int latest) {
        var sites = jdbc.sql(
                        "select distinct establishment_id, product_id from correspondent where account_id = :person order by 1, 2")
                .param("person", person.value())
                .query((rs, n) -> new SiteKey(rs.getLong(1), rs.getLong(2)))
                .list();
        if (sites.isEmpty()) {
            return List.of();
        }
        var rows = new HashMap<SiteKey, List<Row>>();
        jdbc.sql("""
                        select id, title, status, sub_status, updated_at, establishment_id, product_id, closed, rank_in_kind, of_kind
                        from (select t.id, t.title, t.status, t.sub_status, t.updated_at, t.establishment_id, t.product_id,
                                     case when t.status in (:closed) then 1 else 0 end as closed,
                                     row_number() over (partition by t.establishment_id, t.product_id,
                                         case when t.status in (:closed) then 1 else 0 end
                                         order by t.updated_at desc, t.id desc) as rank_in_kind,
                                     count(*) over (partition by t.establishment_id, t.product_id,
                                         case when t.status in (:closed) then 1 else 0 end) as of_kind
                              from ticket t
                              where t.requester_id = :person
                                and exists (select 1 from correspondent c where c.account_id = t.requester_id
                                            and c.establishment_id = t.establishment_id and c.product_id = t.product_id)
                             ) mine
                        where rank_in_kind <= :latest
                        order by establishment_id, product_id, closed, rank_in_kind""")
                .param("closed", CLOSED)
                .param("person", person.value())
                .param("latest", Math.max(latest, 0))
                .query((rs, n) -> {
                    var sub = rs.getString(4);
                    return new Row(
                            new SiteKey(rs.getLong(6), rs.getLong(7)),
                            new Line(
                                    new TicketId(rs.getLong(1)),
                                    rs.getString(2),
                                    new TicketState(
                                            TicketStatus.valueOf(rs.getString(3)),
                                            sub == null ? null : SubStatus.valueOf(sub)),
                                    rs.getObject(5, Timestamp.class).toInstant()),
                            rs.getInt(8) == 1,
                            rs.getLong(10));
                })
                .list()
                .forEach(row ->
                        rows.computeIfAbsent(row.site(), k -> new ArrayList<>()).add(row));
        var categories = new HashMap<Long, Long>();
        jdbc.sql("""
                        select product_id, min(id) from category
                        where active and filed_by_correspondents
                          and product_id in (select product_id from correspondent where account_id = :person)
                        group by product_id""")
                .param("person", person.value())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .forEach(e -> categories.put(e.getKey(), e.getValue()));
        return sites.stream()
                .map(site -> ofSite(site, rows.getOrDefault(site, List.of()), categories))
                .toList();
    }

    private static OfSite ofSite(SiteKey site, List<Row> rows, Map<Long, Long> categories) {
        var open = rows.stream().filter(r -> !r.closed()).toList();
        var closed = rows.stream().filter(Row::closed).toList();
        var category = categories.get(site.product());
        return new OfSite(
                new OrganizationId(site.establishment()),
                new ProductId(site.product()),
                open.stream().map(Row::line).toList(),
                open.isEmpty() ? 0 : open.get(0).count(),
                closed.stream().map(Row::line).toList(),
                closed.isEmpty() ? 0 : closed.get(0).count(),
                category == null ? null : new CategoryId(category));
    }
}
