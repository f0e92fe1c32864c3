package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.CategoryTree;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.ReferenceForms;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.Reaches;
import fr.guichet.helpdesk.tickets.TicketActs;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.helpdesk.tickets.TicketSideActs;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For other modules' tests (the knowledge base): files tickets and moves them through the
 * lifecycle with the helpdesk's own code, as its pages would.
 */
public final class TicketDriver {

    private final TicketFiling filing;
    private final TicketActs acts;
    private final TicketSideActs sideActs;
    private final ReferenceSetup reference;
    private final CategoryTree categories;
    private final Reaches reaches;
    private final HelpdeskReference helpdesk;
    private final JdbcClient jdbc;

    private TicketDriver(ApplicationContext context) {
        this.helpdesk = context.getBean(HelpdeskReference.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.filing = context.getBean(TicketFiling.class);
        this.acts = context.getBean(TicketActs.class);
        this.sideActs = context.getBean(TicketSideActs.class);
        this.reference = context.getBean(ReferenceSetup.class);
        this.categories = context.getBean(CategoryTree.class);
        this.reaches = context.getBean(Reaches.class);
    }

    public static TicketDriver of(ApplicationContext context) {
        return new TicketDriver(context);
    }

    /** What the helpdesk says a person reaches as its requester side: the establishments he belongs to, the sites he is correspondent of. */
    public record Reached(Set<Long> establishments, Set<List<Long>> sites) {}

    public Reached reachOf(AccountId person) {
        var reach = reaches.of(person);
        return new Reached(
                Set.copyOf(reach.establishments()),
                reach.sites().stream()
                        .map(s -> List.of(s.establishment(), s.product()))
                        .collect(Collectors.toSet()));
    }

    /** A correspondent named for the site's product (the reference pages' act). */
    public void nameCorrespondent(OrganizationId establishment, ProductId product, AccountId person) {
        reference.nameCorrespondent(establishment, product, person, CorrespondentKind.TECHNICAL, null);
    }

    /** The site's correspondent leaves (the reference pages' removal). */
    public void removeCorrespondent(OrganizationId establishment, ProductId product, AccountId person) {
        reference.removeCorrespondent(establishment, product, person);
    }

    /** A platform admin edits a level-2 category of the product, as its reference page would, changing only "publishes". */
    public void publishes(
            AccountId admin, long category, String name, ProductId product, long team, boolean publishes) {
        categories.change(
                admin,
                category,
                new ReferenceForms.CategoryForm(
                        name,
                        "0",
                        product.value(),
                        true,
                        false,
                        false,
                        true,
                        publishes,
                        team,
                        null,
                        "10000",
                        Set.of(),
                        true));
    }

    /** A level-2 category of the product, publishing or not. */
    public long category(String name, ProductId product, boolean publishes, long team) {
        return reference.defineCategory(null, name, product, true, false, false, true, publishes, team);
    }

    public TicketId file(
            AccountId correspondent,
            OrganizationId establishment,
            long category,
            String domain,
            String internalReference,
            String messageCode,
            String title,
            String description) {
        helpdesk.category(new CategoryId(category))
                .map(Category::productId)
                .ifPresent(product -> keepDomain(new ProductId(product), domain));
        return filing.fileLevelTwo(
                correspondent,
                establishment,
                new LevelTwoForm(
                        new CategoryId(category),
                        Priority.NON_BLOCKING,
                        domain,
                        Nature.FUNCTIONAL,
                        internalReference,
                        messageCode,
                        title,
                        description,
                        null));
    }

    /** A ticket's domain is one of its product's: the agency keeps it first, as its reference pages would. */
    private void keepDomain(ProductId product, String domain) {
        if (domain != null
                && !domain.isBlank()
                && helpdesk.domains(product).stream().noneMatch(d -> d.equalsIgnoreCase(domain.strip()))) {
            reference.defineDomain(product, domain.strip());
        }
    }

    public TicketState act(AccountId person, TicketId ticket, Action action, String text) {
        return acts.act(person, ticket, action, null, text, null);
    }

    public TicketState act(AccountId person, TicketId ticket, Action action, TicketState target, String text) {
        return acts.act(person, ticket, action, target, text, null);
    }

    /** An agent changes the ticket's domain (the requester side is told; the knowledge base follows). */
    public void requalify(AccountId agent, TicketId ticket, String domain) {
        var product = jdbc.sql("select product_id from ticket where id = ?")
                .param(ticket.value())
                .query(Long.class)
                .single();
        keepDomain(new ProductId(product), domain);
        sideActs.requalify(agent, ticket, null, domain, null);
    }

    public void actAsSystem(TicketId ticket, Action action) {
        acts.actAsSystem(ticket, action);
    }

    /** Taken, solved with this text, validated by the requester side: TER/V. */
    public void solveAndValidate(AccountId agent, AccountId correspondent, TicketId ticket, String solution) {
        act(agent, ticket, Action.TAKE, null);
        act(agent, ticket, Action.SEND_SOLUTION, solution);
        act(correspondent, ticket, Action.VALIDATE_SOLUTION, null);
    }
}
