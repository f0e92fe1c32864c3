package fr.guichet.helpdesk;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.util.List;

/**
 * The platform's own setting-up of the helpdesk (installation, demo data, other modules' tests):
 * products, versions, correspondents, teams, categories, and a few tickets moved through their
 * lifecycle. It takes the same services as the reference pages and the ticket pages, with their
 * checks and their audit.
 */
public interface HelpdeskSetup {

    /** A level-2 ticket a correspondent files (demo data: the dashboards and the search have something to show). */
    TicketId levelTwoTicket(
            AccountId correspondent,
            OrganizationId establishment,
            long category,
            Priority priority,
            Nature nature,
            String messageCode,
            String title,
            String description);

    /** The handling agent takes the ticket and asks the site a question. */
    void takeAndAsk(AccountId agent, TicketId ticket, String question);

    /** The handling agent takes the ticket and sends a solution; the requester validates it (published if the category publishes). */
    void solve(AccountId agent, AccountId requester, TicketId ticket, String solution);

    /** The handling agent takes the ticket and puts a modification request to the decision meeting (a known issue). */
    void putToDecision(AccountId agent, TicketId ticket);

    /** A product with its versions, the last one(s) maintained as the flags say. */
    ProductId product(String code, String name, String guidance, List<String> versions, List<Boolean> maintained);

    /** The product's functional domains, which its tickets are filed under. */
    void domains(ProductId product, List<String> names);

    void correspondent(OrganizationId establishment, ProductId product, AccountId person, CorrespondentKind kind);

    /** The establishment's installed version of the product, as if the agency had validated it. */
    void installedVersion(OrganizationId establishment, ProductId product, String label);

    long team(String name, List<AccountId> agents);

    /** A contractor company whose agents see only the tickets handed to it. */
    long contractor(String name, List<AccountId> agents);

    /** A level-2 category of a product: correspondents file there, the solution needs their validation, solved tickets are published. */
    long levelTwoCategory(String name, ProductId product, long team);

    /** A simple request category, open to members and external requesters; the agency closes, the requester approves. */
    long simpleCategory(String name, long team);
}
