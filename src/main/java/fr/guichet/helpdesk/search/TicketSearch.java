package fr.guichet.helpdesk.search;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.SearchRefused;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.tickets.Reach;
import fr.guichet.helpdesk.tickets.Reaches;
import fr.guichet.helpdesk.tickets.Ticket;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Search over the private ticket index. The reader's reach is part of every query, so a page of
 * results holds only tickets he may open and the total counts only those.
 */
@Component
public class TicketSearch {

    /** The most people a contact name may stand for; beyond it, the name is too vague to search by. */
    private static final int CONTACTS = 500;

    private final EntityManager entityManager;
    private final Reaches reaches;
    private final Accounts accounts;
    private final Clock clock;

    TicketSearch(EntityManager entityManager, Reaches reaches, Accounts accounts, Clock clock) {
        this.entityManager = entityManager;
        this.reaches = reaches;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Found(List<TicketView> tickets, long total, int page, int pages) {

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    @Transactional(readOnly = true)
    public Found search(AccountId reader, TicketQuery query) {
        var reach = reaches.of(reader);
        List<AccountId> contacts = query.contact() == null ? null : accounts.named(query.contact(), CONTACTS + 1);
        if (contacts != null && contacts.isEmpty()) {
            return new Found(List.of(), 0, 0, 0);
        }
        if (contacts != null && contacts.size() > CONTACTS) {
            throw new SearchRefused("helpdesk.search.contact-too-vague");
        }
        var zone = clock.getZone();
        var result = Search.session(entityManager)
                .search(Ticket.class)
                .where((f, root) -> {
                    root.add(visibleTo(f, reach));
                    if (query.words() != null) {
                        var words = f.bool()
                                .should(f.simpleQueryString()
                                        .field("statement.title")
                                        .boost(2f)
                                        .field("statement.description")
                                        .matching(query.words())
                                        .defaultOperator(BooleanOperator.AND))
                                .should(f.match()
                                        .field("statement.messageCode")
                                        .matching(query.words())
                                        .boost(5f));
                        if (query.number() != null) {
                            words.should(f.match()
                                    .field("number")
                                    .matching(query.number())
                                    .boost(10f));
                        }
                        root.add(words);
                    }
                    if (query.product() != null) {
                        root.add(f.match().field("productId").matching(query.product()));
                    }
                    if (query.status() != null) {
                        root.add(f.match().field("status").matching(query.status()));
                    }
                    if (query.group() != null) {
                        root.add(f.terms()
                                .field("status")
                                .matchingAny(Arrays.stream(TicketStatus.values())
                                        .filter(s -> s.group() == query.group())
                                        .toList()));
                    }
                    if (query.kind() != null) {
                        root.add(f.match().field("simpleRequest").matching(query.kind() == TicketQuery.Kind.SIMPLE));
                    }
                    if (contacts != null) {
                        root.add(f.terms()
                                .field("requesterId")
                                .matchingAny(
                                        contacts.stream().map(AccountId::value).toList()));
                    }
                    if (query.openedFrom() != null) {
                        root.add(f.range()
                                .field("createdAt")
                                .atLeast(query.openedFrom().atStartOfDay(zone).toInstant()));
                    }
                    if (query.openedTo() != null) {
                        root.add(f.range()
                                .field("createdAt")
                                .lessThan(query.openedTo()
                                        .plusDays(1)
                                        .atStartOfDay(zone)
                                        .toInstant()));
                    }
                })
                .sort(f -> query.words() != null
                        ? f.score().then().field("number").desc()
                        : f.field("number").desc())
                .fetch(query.page() * TicketQuery.PAGE_SIZE, TicketQuery.PAGE_SIZE);
        var total = result.total().hitCount();
        var pages = (int) ((total + TicketQuery.PAGE_SIZE - 1) / TicketQuery.PAGE_SIZE);
        // the index follows commits, but a stale document (a failed indexing, a rebuild overtaken) must not open a
        // ticket
        return new Found(
                result.hits().stream().map(Ticket::view).filter(reach::allows).toList(), total, query.page(), pages);
    }

    /** The rule of one ticket ({@link Reach}), as a predicate: requester, correspondent of its site, agent of its team, its contractor. */
    static SearchPredicate visibleTo(SearchPredicateFactory f, Reach reach) {
        if (reach.everything()) {
            return f.matchAll().toPredicate();
        }
        var ownEstablishments = f.bool().should(f.not(f.exists().field("establishmentId")));
        if (!reach.establishments().isEmpty()) {
            ownEstablishments.should(f.terms().field("establishmentId").matchingAny(reach.establishments()));
        }
        var any = f.bool()
                .should(f.bool()
                        .must(f.match()
                                .field("requesterId")
                                .matching(reach.person().value()))
                        .must(ownEstablishments));
        for (var site : reach.sites()) {
            any.should(f.bool()
                    .must(f.match().field("establishmentId").matching(site.establishment()))
                    .must(f.match().field("productId").matching(site.product())));
        }
        if (reach.agent()) {
            any.should(f.not(f.exists().field("handling.teamId")));
            if (!reach.teams().isEmpty()) {
                any.should(f.terms().field("handling.teamId").matchingAny(reach.teams()));
            }
        }
        if (!reach.contractors().isEmpty()) {
            any.should(f.terms().field("handling.contractorId").matchingAny(reach.contractors()));
        }
        return any.toPredicate();
    }
}
