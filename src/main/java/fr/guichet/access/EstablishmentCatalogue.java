package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an establishment's super admins made of the catalogue for their members: the services it
 * does not take part in (hidden), and its own tools ("en fonction des outils mis à disposition
 * par votre établissement").
 */
@Component
class EstablishmentCatalogue {

    static final int MAX_TOOLS = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    EstablishmentCatalogue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Set<ServiceId> hidden(OrganizationId establishment) {
        return jdbc
                .sql("select service_id from hidden_service where establishment_id = ?")
                .param(establishment.value())
                .query(Long.class)
                .list()
                .stream()
                .map(ServiceId::new)
                .collect(Collectors.toSet());
    }

    @Transactional
    void hide(OrganizationId establishment, ServiceId service, boolean hidden, AccountId by) {
        jdbc.sql("delete from hidden_service where establishment_id = ? and service_id = ?")
                .params(establishment.value(), service.value())
                .update();
        if (hidden) {
            jdbc.sql(
                            "insert into hidden_service (establishment_id, service_id, hidden_by, hidden_at) values (?, ?, ?, ?)")
                    .params(establishment.value(), service.value(), by.value(), Timestamp.from(clock.instant()))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    List<EstablishmentTool> tools(OrganizationId establishment) {
        return jdbc.sql("""
                        select id, establishment_id, name, url, description from establishment_tool
                        where establishment_id = ? order by lower(name), id""")
                .param(establishment.value())
                .query(EstablishmentTool.class)
                .list();
    }

    @Transactional
    void addTool(OrganizationId establishment, ToolForm tool, AccountId by) {
        if (tools(establishment).size() >= MAX_TOOLS) {
            throw new AccessRuleRefusal("tools.too-many", MAX_TOOLS);
        }
        jdbc.sql("""
                        insert into establishment_tool (establishment_id, name, url, description, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        establishment.value(),
                        tool.name().strip(),
                        tool.url().strip(),
                        tool.description() == null || tool.description().isBlank()
                                ? null
                                : tool.description().strip(),
                        by.value(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** False when the tool is not this establishment's (nothing is removed then). */
    @Transactional
    boolean removeTool(OrganizationId establishment, long toolId) {
        return jdbc.sql("delete from establishment_tool where id = ? and establishment_id = ?")
                        .params(toolId, establishment.value())
                        .update()
                == 1;
    }
}
