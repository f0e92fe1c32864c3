package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.tickets.Assignment;
import fr.guichet.helpdesk.tickets.TicketActs;
import fr.guichet.helpdesk.tickets.TicketSideActs;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A ticket's page, with the acts and side acts its reader may do from it. */
@Controller
class TicketPages {

    private final TicketPageModel pageModel;
    private final Tickets tickets;
    private final TicketActs acts;
    private final TicketSideActs sideActs;

    TicketPages(TicketPageModel pageModel, Tickets tickets, TicketActs acts, TicketSideActs sideActs) {
        this.pageModel = pageModel;
        this.tickets = tickets;
        this.acts = acts;
        this.sideActs = sideActs;
    }

    @GetMapping("/demandes/{id}")
    String ticket(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        pageModel.fill(person.accountId(), new TicketId(id), model);
        return "helpdesk/ticket";
    }

    @PostMapping("/demandes/{id}/complements")
    String complement(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "text", required = false) String text,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> sideActs.complement(person.accountId(), new TicketId(id), text));
    }

    @PostMapping("/demandes/{id}/requalification")
    String requalify(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "domain", required = false) String domain,
            @RequestParam(name = "nature", required = false) Nature nature,
            RedirectAttributes redirect) {
        return done(
                id, redirect, () -> sideActs.requalify(person.accountId(), new TicketId(id), priority, domain, nature));
    }

    @PostMapping("/demandes/{id}/echeances")
    String push(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "days", defaultValue = "0") int days,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> sideActs.pushDeadlines(person.accountId(), new TicketId(id), days));
    }

    @PostMapping("/demandes/{id}/liens")
    String link(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "number", required = false) Long number,
            RedirectAttributes redirect) {
        if (number == null) {
            tickets.find(person.accountId(), new TicketId(id));
            redirect.addFlashAttribute("refusal", "helpdesk.link.number-required");
            return "redirect:/demandes/" + id;
        }
        try {
            return done(id, redirect, () -> sideActs.link(person.accountId(), new TicketId(id), new TicketId(number)));
        } catch (NotFoundException unknownOther) {
            tickets.find(person.accountId(), new TicketId(id));
            redirect.addFlashAttribute("refusal", "helpdesk.link.unknown");
            return "redirect:/demandes/" + id;
        }
    }

    private String done(long id, RedirectAttributes redirect, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("saved", "helpdesk.acted");
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        } catch (FilingRefused refused) {
            // a requalification naming a domain the product does not have
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return "redirect:/demandes/" + id;
    }

    @PostMapping("/demandes/{id}/actions")
    String act(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "action", required = false) Action action,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "contractor", required = false) Long contractor,
            @RequestParam(name = "team", required = false) Long team,
            @RequestParam(name = "agent", required = false) Long agent,
            RedirectAttributes redirect) {
        tickets.find(person.accountId(), new TicketId(id));
        if (action == null) {
            redirect.addFlashAttribute("refusal", "helpdesk.transition.not-allowed");
            return "redirect:/demandes/" + id;
        }
        try {
            var whom = Assignment.of(action, contractor, team, agent);
            acts.act(person.accountId(), new TicketId(id), action, parse(target), text, whom);
            redirect.addFlashAttribute("saved", "helpdesk.acted");
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/demandes/" + id;
    }

    private static TicketState parse(String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        try {
            return TicketState.parse(target);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
