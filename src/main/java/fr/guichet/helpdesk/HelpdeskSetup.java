package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's own setting-up of the helpdesk (installation, demo data): products, versions,
 * correspondents, teams, categories. Agents and platform admins get pages for the same later.
 */
@Component
public class HelpdeskSetup {

    private final HelpdeskReference reference;
    private final Tickets tickets;

    HelpdeskSetup(HelpdeskReference reference, Tickets tickets) {
        this.reference = reference;
        this.tickets = tickets;
    }

    /** A level-2 ticket a correspondent files (demo data: the dashboards and the search have something to show). */
    public TicketId levelTwoTicket(AccountId correspondent, OrganizationId establishment, long category, Priority priority,
            Nature nature, String messageCode, String title, String description) {
        return tickets.fileLevelTwo(correspondent, establishment, new Tickets.LevelTwoForm(category, priority, null, nature, null,
                messageCode, title, description, null), java.util.Locale.FRENCH);
    }

    /** The handling agent takes the ticket and asks the site a question. */
    public void takeAndAsk(AccountId agent, TicketId ticket, String question) {
        tickets.act(agent, ticket, Action.TAKE, null, null, null, java.util.Locale.FRENCH);
        tickets.act(agent, ticket, Action.ASK_SITE, null, question, null, java.util.Locale.FRENCH);
    }

    /** The handling agent takes the ticket and sends a solution; the requester validates it (published if the category publishes). */
    public void solve(AccountId agent, AccountId requester, TicketId ticket, String solution) {
        tickets.act(agent, ticket, Action.TAKE, null, null, null, java.util.Locale.FRENCH);
        tickets.act(agent, ticket, Action.SEND_SOLUTION, null, solution, null, java.util.Locale.FRENCH);
        tickets.act(requester, ticket, Action.VALIDATE_SOLUTION, null, null, null, java.util.Locale.FRENCH);
    }

    /** The handling agent takes the ticket and puts a modification request to the decision meeting (a known issue). */
    public void putToDecision(AccountId agent, TicketId ticket) {
        tickets.act(agent, ticket, Action.TAKE, null, null, null, java.util.Locale.FRENCH);
        tickets.act(agent, ticket, Action.PUT_TO_DECISION, TicketState.of(TicketStatus.ATD, SubStatus.DMF), null, null,
                java.util.Locale.FRENCH);
    }

    /** A product with its versions, the last one(s) maintained as the flags say. */
    @Transactional
    public ProductId product(String code, String name, String guidance, List<String> versions, List<Boolean> maintained) {
        var id = reference.defineProduct(code, name, guidance);
        for (int i = 0; i < versions.size(); i++) {
            reference.defineVersion(id, versions.get(i), maintained.get(i));
        }
        return id;
    }

    @Transactional
    public void correspondent(OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind) {
        reference.nameCorrespondent(establishment, product, person, kind, null);
    }

    /** The establishment's installed version of the product, as if the agency had validated it. */
    @Transactional
    public void installedVersion(OrganizationId establishment, ProductId product, String label) {
        var version = reference.versionId(product, label).orElseThrow(() -> new IllegalArgumentException("no version " + label));
        reference.validateInstalledVersion(establishment, product, version, null);
    }

    @Transactional
    public long team(String name, List<AccountId> agents) {
        return reference.defineTeam(name, agents);
    }

    /** A contractor company whose agents see only the tickets handed to it. */
    public long contractor(String name, List<AccountId> agents) {
        return reference.defineContractor(name, agents);
    }

    /** A level-2 category of a product: correspondents file there, the solution needs their validation, solved tickets are published. */
    @Transactional
    public long levelTwoCategory(String name, ProductId product, long team) {
        return reference.defineCategory(null, name, product, true, false, false, true, true, team);
    }

    /** A simple request category, open to members and external requesters; the agency closes, the requester approves. */
    @Transactional
    public long simpleCategory(String name, long team) {
        return reference.defineCategory(null, name, null, false, true, true, false, false, team);
    }
}
