package fr.guichet.helpdesk.tickets.bookmarks;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.tickets.Reaches;
import fr.guichet.helpdesk.tickets.Tickets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Signets et historique": the tickets a person marked, and those he opened last. */
@Controller
class TicketBookmarkPages {

    private final Tickets tickets;
    private final TicketBookmarks bookmarks;
    private final Reaches reaches;

    TicketBookmarkPages(Tickets tickets, TicketBookmarks bookmarks, Reaches reaches) {
        this.tickets = tickets;
        this.bookmarks = bookmarks;
        this.reaches = reaches;
    }

    @GetMapping("/demandes/signets")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var reach = reaches.of(person.accountId());
        model.addAttribute("bookmarks", tickets.visibleAmong(reach, bookmarks.bookmarks(person.accountId())));
        model.addAttribute("history", tickets.visibleAmong(reach, bookmarks.history(person.accountId())));
        return "helpdesk/bookmarks";
    }

    @PostMapping("/demandes/{id}/signet")
    String mark(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove,
            RedirectAttributes redirect) {
        if (remove) {
            // his own row only: a ticket he no longer sees may leave his bookmarks too
            bookmarks.remove(person.accountId(), new TicketId(id));
            redirect.addFlashAttribute("saved", "helpdesk.bookmark.removed");
            return "redirect:/demandes/" + id;
        }
        var ticket = tickets.find(person.accountId(), new TicketId(id)).id();
        try {
            bookmarks.bookmark(person.accountId(), ticket);
        } catch (DuplicateKeyException sameMoment) {
            // two clicks at once: bookmarked, as he asked
        }
        redirect.addFlashAttribute("saved", "helpdesk.bookmark.added");
        return "redirect:/demandes/" + id;
    }
}
