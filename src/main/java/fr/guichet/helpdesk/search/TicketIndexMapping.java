package fr.guichet.helpdesk.search;

import fr.guichet.helpdesk.tickets.Handling;
import fr.guichet.helpdesk.tickets.Qualification;
import fr.guichet.helpdesk.tickets.SiteWait;
import fr.guichet.helpdesk.tickets.Statement;
import fr.guichet.helpdesk.tickets.Ticket;
import fr.guichet.shared.SearchAnalysis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the private ticket index holds of a ticket, declared by the module that searches it: the
 * ticket itself knows nothing of its index. The names are the ticket's fields (what the site wrote
 * under {@code statement.}, its qualification under {@code qualification.}, who handles it under
 * {@code handling.}, its clock under {@code siteWait.}), except its id, searched as the number
 * people quote.
 */
@Component
class TicketIndexMapping implements HibernateOrmSearchMappingConfigurer, HibernatePropertiesCustomizer {

    // "ticket" until the statement, the qualification, the handling and the site's clock were indexed
    // under their own prefix, "tickets" until the dashboards read their lines from the index (stored
    // fields): a new name starts an empty index, which TicketIndex rebuilds from the database at
    // start-up, where the old one would lack these fields
    static final String INDEX = "tickets-lines";
    private static final String CONFIGURERS = "hibernate.search.mapping.configurer";

    @Override
    public void customize(Map<String, Object> properties) {
        var configurers = new ArrayList<Object>();
        var declared = properties.get(CONFIGURERS);
        if (declared instanceof Collection<?> several) {
            configurers.addAll(several);
        } else if (declared != null) {
            configurers.add(declared);
        }
        configurers.add(this);
        properties.put(CONFIGURERS, List.copyOf(configurers));
    }

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        var mapping = context.programmaticMapping();
        var ticket = mapping.type(Ticket.class);
        ticket.indexed().index(INDEX);
        // projectable: what a dashboard lists of a ticket (DashboardQueries.Line) and when its site's
        // deadlines fall are read from the index, without loading the tickets from the database
        ticket.property("id").genericField("number").sortable(Sortable.YES).projectable(Projectable.YES);
        for (var facet : List.of("productId", "establishmentId")) {
            ticket.property(facet).genericField().aggregable(Aggregable.YES);
        }
        ticket.property("requesterId").genericField();
        ticket.property("simpleRequest").genericField();
        ticket.property("status").keywordField().aggregable(Aggregable.YES).projectable(Projectable.YES);
        ticket.property("subStatus").keywordField().projectable(Projectable.YES);
        ticket.property("createdAt").genericField().sortable(Sortable.YES).projectable(Projectable.YES);
        ticket.property("firstRepliedAt").genericField();

        ticket.property("statement").indexedEmbedded();
        var statement = mapping.type(Statement.class);
        statement
                .property("title")
                .fullTextField()
                .analyzer(SearchAnalysis.FRENCH)
                .projectable(Projectable.YES);
        statement.property("description").fullTextField().analyzer(SearchAnalysis.FRENCH);
        // matched as typed, not cut into words: "ORA-01403", "FB60"
        statement.property("messageCode").keywordField().normalizer(SearchAnalysis.CODE);

        ticket.property("qualification").indexedEmbedded();
        var qualification = mapping.type(Qualification.class);
        qualification.property("priority").keywordField();
        qualification.property("domain").keywordField();
        qualification.property("nature").keywordField().aggregable(Aggregable.YES);

        ticket.property("handling").indexedEmbedded();
        var handling = mapping.type(Handling.class);
        for (var who : List.of("teamId", "agentId", "contractorId")) {
            handling.property(who).genericField();
        }

        ticket.property("siteWait").indexedEmbedded();
        var siteWait = mapping.type(SiteWait.class);
        siteWait.property("since").genericField().sortable(Sortable.YES).projectable(Projectable.YES);
        siteWait.property("pushedDays").genericField().projectable(Projectable.YES);
        siteWait.property("remindedOn").genericField().projectable(Projectable.YES);
    }
}
