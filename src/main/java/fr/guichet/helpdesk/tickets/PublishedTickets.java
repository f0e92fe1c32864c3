package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.PublishableTicket;
import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.CategoryTree;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.organization.OrganizationId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the knowledge base may take of a ticket, read from the tickets and the reference data. */
@Service
class PublishedTickets implements PublishableTickets {

    /** The acts whose text a validated solution's sheet shows: the last solution the site received (and validated). */
    private static final Set<Action> SOLUTIONS = EnumSet.of(
            Action.SEND_SOLUTION,
            Action.VALIDATE_CONTRACTOR_ANSWER,
            Action.DECIDE_ANSWER,
            Action.SOLUTION_FIXED_IN_VERSION);

    private final TicketRepository tickets;
    private final TicketExchangeRepository exchanges;
    private final HelpdeskReference reference;
    private final CategoryTree categories;

    PublishedTickets(
            TicketRepository tickets,
            TicketExchangeRepository exchanges,
            HelpdeskReference reference,
            CategoryTree categories) {
        this.tickets = tickets;
        this.exchanges = exchanges;
        this.reference = reference;
        this.categories = categories;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean requestCategoryExists(long id) {
        return reference.category(new CategoryId(id)).isPresent();
    }

    /** The request categories in tree order, each named with its depth ("— — Recettes"), for the FAQ's link to them. */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> requestCategories() {
        var named = new LinkedHashMap<Long, String>();
        categories
                .tree()
                .forEach(p -> named.put(
                        p.node().id(), "— ".repeat(p.depth()) + p.node().name()));
        return named;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PublishableTicket> find(TicketId id) {
        return tickets.findById(id.value()).map(this::publishable);
    }

    /** The numbers of a category's tickets that the lifecycle could publish (closed validated, rejected, known issues). */
    @Override
    @Transactional(readOnly = true)
    public List<TicketId> publishableOf(long categoryId) {
        return tickets
                .findNumbersInStates(
                        categoryId,
                        List.of(
                                TicketStatus.TER,
                                TicketStatus.REJ,
                                TicketStatus.ATD,
                                TicketStatus.ADV,
                                TicketStatus.DEV,
                                TicketStatus.PEC,
                                TicketStatus.CTR))
                .stream()
                .map(TicketId::new)
                .toList();
    }

    /** The products by id, with their names, for the public search's filter. */
    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> products() {
        var products = new LinkedHashMap<Long, String>();
        reference.products().forEach(p -> products.put(p.id(), p.name()));
        return products;
    }

    private PublishableTicket publishable(Ticket ticket) {
        var view = ticket.view();
        var publishes =
                reference.category(ticket.categoryId()).map(Category::publishes).orElse(false);
        var people = new LinkedHashSet<AccountId>();
        people.add(view.requester());
        if (view.handlingAgentId() != null) {
            people.add(new AccountId(view.handlingAgentId()));
        }
        if (view.establishmentId() != null && view.productId() != null) {
            reference
                    .correspondents(new OrganizationId(view.establishmentId()), new ProductId(view.productId()))
                    .forEach(c -> people.add(new AccountId(c)));
        }
        var publication = Publication.of(view.state(), publishes);
        // a validated solution shows the solution validated; a rejection its decision; a known issue
        // nothing yet (a solution the site refused before it went to decision is not the answer)
        var shown = publication == Publication.SOLVED
                ? SOLUTIONS
                : publication == Publication.REJECTED
                        ? EnumSet.of(Action.DECIDE_REJECTION)
                        : EnumSet.noneOf(Action.class);
        String answer = null;
        Instant answeredAt = null;
        for (var exchange : exchanges.findByTicketIdOrderByIdAsc(view.id().value())) {
            var e = exchange.view();
            if (e.authorId() != null) {
                people.add(new AccountId(e.authorId()));
            }
            if (shown.contains(e.action()) && e.text() != null) {
                answer = e.text();
                answeredAt = e.at();
            }
        }
        var productName = view.productId() == null
                ? null
                : reference.productName(new ProductId(view.productId())).orElse(null);
        return new PublishableTicket(
                view.id(),
                publication,
                view.state(),
                view.productId(),
                productName,
                view.versionLabel(),
                view.fixedVersion(),
                view.domain(),
                view.nature(),
                view.messageCode(),
                view.title(),
                view.description(),
                answer,
                view.createdAt(),
                answeredAt != null ? answeredAt : view.closedAt(),
                view.establishmentId(),
                Set.copyOf(people),
                view.internalReference());
    }
}
