package fr.guichet.helpdesk;

import fr.guichet.account.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Signets et historique" (seed 003): the tickets a person marked, and those he opened last. */
@Controller
class TicketBookmarkPages {

    private final Tickets tickets;
    private final TicketBookmarks bookmarks;

    TicketBookmarkPages(Tickets tickets, TicketBookmarks bookmarks) {
        this.tickets = tickets;
        this.bookmarks = bookmarks;
    }

    @GetMapping("/demandes/signets")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("bookmarks", tickets.visibleAmong(person.accountId(), bookmarks.bookmarks(person.accountId())));
        model.addAttribute("history", tickets.visibleAmong(person.accountId(), bookmarks.history(person.accountId())));
        return "helpdesk/bookmarks";
    }

    @PostMapping("/demandes/{id}/signet")
    String mark(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id,
            @RequestParam(name = "remove", defaultValue = "false") boolean remove, RedirectAttributes redirect) {
        var ticket = tickets.find(person.accountId(), new TicketId(id)).id();
        if (remove) {
            bookmarks.remove(person.accountId(), ticket);
            redirect.addFlashAttribute("saved", "helpdesk.bookmark.removed");
        } else {
            bookmarks.bookmark(person.accountId(), ticket);
            redirect.addFlashAttribute("saved", "helpdesk.bookmark.added");
        }
        return "redirect:/demandes/" + id;
    }
}
