package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sites' servers, replaced whole when an agent validates a correspondent's list. */
@Component
class Servers implements SiteServers {

    private static final RowMapper<Server> SERVER = (rs, n) -> new Server(
            rs.getString("name"),
            Role.valueOf(rs.getString("role")),
            rs.getString("os"),
            rs.getString("os_version"),
            rs.getString("database_name"),
            rs.getString("database_version"),
            rs.getString("series"));

    private static final String SELECT = """
            select name, role, os, os_version, database_name, database_version, series from site_server
            where establishment_id = ? and product_id = ?
            order by case role when 'PRODUCTION' then 0 when 'PREPRODUCTION' then 1 when 'TEST' then 2 else 3 end,
                     lower(name)""";

    private final JdbcClient jdbc;
    private final Correspondents correspondents;
    private final Products products;
    private final ReferenceLog log;

    Servers(JdbcClient jdbc, Correspondents correspondents, Products products, ReferenceLog log) {
        this.jdbc = jdbc;
        this.correspondents = correspondents;
        this.products = products;
        this.log = log;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Server> servers(OrganizationId establishment, ProductId product) {
        return jdbc.sql(SELECT)
                .params(establishment.value(), product.value())
                .query(SERVER)
                .list();
    }

    @Override
    @Transactional
    public List<Server> lockServers(OrganizationId establishment, ProductId product) {
        // the site's correspondents' rows too: a first list (no server row yet) has something to wait on
        jdbc.sql("select id from correspondent where establishment_id = ? and product_id = ? for update")
                .params(establishment.value(), product.value())
                .query(Long.class)
                .list();
        return jdbc.sql(SELECT.replace("lower(name)", "lower(name) for update"))
                .params(establishment.value(), product.value())
                .query(SERVER)
                .list();
    }

    @Override
    @Transactional
    public void replaceServers(AccountId agent, OrganizationId establishment, ProductId product, List<Server> servers) {
        var site = correspondents.establishment(establishment.value());
        var found = products.find(product.value()).orElseThrow(NotFoundException::new);
        jdbc.sql("delete from site_server where establishment_id = ? and product_id = ?")
                .params(establishment.value(), product.value())
                .update();
        for (var server : servers) {
            jdbc.sql("""
                            insert into site_server (establishment_id, product_id, name, role, os, os_version,
                                                     database_name, database_version, series)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            establishment.value(),
                            product.value(),
                            server.name(),
                            server.role().name(),
                            server.os(),
                            server.osVersion(),
                            server.database(),
                            server.databaseVersion(),
                            server.series())
                    .update();
        }
        log.changed(
                agent,
                "SERVERS_CHANGED",
                "establishment " + site.id().value() + " product " + found.id() + ": " + site.name() + " / "
                        + found.code(),
                servers.size() + " server(s)");
    }
}
