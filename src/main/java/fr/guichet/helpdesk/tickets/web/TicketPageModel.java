package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.tickets.TicketPage;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.helpdesk.tickets.attachments.TicketAttachments;
import fr.guichet.helpdesk.tickets.bookmarks.TicketBookmarks;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A ticket's page beyond the ticket itself: its attachments and due dates, who handles it, the
 * choices of the agents' forms (teams, companies, the team's agents) and the reader's bookmark.
 */
@Component
class TicketPageModel {

    private final Tickets tickets;
    private final TicketAttachments attachments;
    private final TicketBookmarks bookmarks;
    private final DueDates dueDates;
    private final HelpdeskReference reference;
    private final Accounts accounts;

    TicketPageModel(
            Tickets tickets,
            TicketAttachments attachments,
            TicketBookmarks bookmarks,
            DueDates dueDates,
            HelpdeskReference reference,
            Accounts accounts) {
        this.tickets = tickets;
        this.attachments = attachments;
        this.bookmarks = bookmarks;
        this.dueDates = dueDates;
        this.reference = reference;
        this.accounts = accounts;
    }

    void fill(AccountId person, TicketId id, Model model) {
        var page = tickets.page(person, id);
        var ticket = page.ticket();
        model.addAttribute("page", page);
        model.addAttribute("yours", page.readByRequesterSide());
        try {
            bookmarks.visited(person, ticket.id());
        } catch (DataAccessException notRemembered) {
            // the history misses one visit; the ticket is shown all the same
        }
        model.addAttribute("bookmarked", bookmarks.isBookmarked(person, ticket.id()));
        // the page is visible to him: its attachments and dates need no second check
        model.addAttribute("attachments", attachments.of(ticket.id()));
        model.addAttribute("due", dueDates.of(ticket));
        var contractors = reference.contractors();
        model.addAttribute("contractors", contractors);
        model.addAttribute("teams", reference.teams());
        // who handles it, as the requester side sees it
        model.addAttribute(
                "handler",
                ticket.handlingAgentId() == null ? null : displayName(new AccountId(ticket.handlingAgentId())));
        model.addAttribute(
                "handlingContractor",
                contractors.stream()
                        .filter(c -> c.id().equals(ticket.contractorId()))
                        .map(HelpdeskReference.ContractorChoice::name)
                        .findFirst()
                        .orElse(null));
        // the published sheet's editing (knowledge base) for agents, when the state is one that publishes
        model.addAttribute(
                "sheetEditable",
                page.roles().contains(Actor.AGENT)
                        && Publication.of(ticket.state(), true).published());
        model.addAttribute("teamAgents", teamAgents(page));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("natures", Nature.values());
        model.addAttribute(
                "domains",
                page.mayRequalify() && ticket.productId() != null
                        ? reference.domains(new ProductId(ticket.productId()))
                        : List.of());
    }

    /** The agents a ticket may be assigned to: the active ones of its team, for an agent. */
    private List<PersonView> teamAgents(TicketPage page) {
        var team = page.ticket().teamId();
        if (!page.roles().contains(Actor.AGENT) || team == null) {
            return List.of();
        }
        return reference.teamMembers(team).stream()
                .map(a -> accounts.find(new AccountId(a)))
                .flatMap(Optional::stream)
                .filter(PersonView::active)
                .toList();
    }

    private String displayName(AccountId person) {
        return accounts.find(person).map(PersonView::displayName).orElse(null);
    }
}
