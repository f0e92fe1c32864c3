package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An establishment's super admins agree, or not, to its members' registrations for the events that
 * ask it: the requests waiting, the oldest first. The right is theirs while they are its super admins.
 */
@Controller
class ApprovalPages {

    private final Registrations registrations;
    private final Events events;
    private final EventAccess access;
    private final Accounts accounts;
    private final MessageSource messages;

    ApprovalPages(
            Registrations registrations, Events events, EventAccess access, Accounts accounts, MessageSource messages) {
        this.registrations = registrations;
        this.events = events;
        this.access = access;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** One request, as the page lists it. */
    record Request(RegistrationView registration, String person, EventView event, EventView.SessionView session) {}

    @GetMapping("/organisations/{id}/inscriptions-evenements")
    String list(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var establishment = access.approver(person.accountId(), new OrganizationId(id));
        var pending = registrations.pendingFor(List.of(establishment.id()));
        var names = new HashMap<Long, String>();
        accounts.find(pending.stream().map(r -> new AccountId(r.accountId())).toList())
                .forEach(p -> names.put(p.id().value(), p.displayName() + " <" + p.email() + ">"));
        var byId = events.findAll(
                pending.stream().map(RegistrationView::eventId).distinct().toList());
        var requests = pending.stream()
                .map(r -> {
                    var event = byId.get(r.eventId());
                    return new Request(r, names.getOrDefault(r.accountId(), "?"), event, event.session(r.sessionId()));
                })
                .toList();
        model.addAttribute("organization", establishment);
        model.addAttribute("requests", requests);
        return "events/approvals";
    }

    @PostMapping("/organisations/{id}/inscriptions-evenements/{registration}/accord")
    String approve(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("registration") long registration,
            Locale locale,
            RedirectAttributes redirect) {
        return decide(person, id, registration, true, locale, redirect);
    }

    @PostMapping("/organisations/{id}/inscriptions-evenements/{registration}/refus")
    String refuse(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("registration") long registration,
            Locale locale,
            RedirectAttributes redirect) {
        return decide(person, id, registration, false, locale, redirect);
    }

    private String decide(
            SignedInPerson person,
            long id,
            long registration,
            boolean agree,
            Locale locale,
            RedirectAttributes redirect) {
        var establishment = access.approver(person.accountId(), new OrganizationId(id));
        var found = registrations
                .find(registration)
                .filter(r -> r.establishmentId() != null
                        && r.establishmentId() == establishment.id().value())
                .orElseThrow(NotFoundException::new);
        try {
            // a member who left the establishment since he asked is no longer its to send
            if (agree && !accounts.belongsTo(new AccountId(found.accountId()), establishment.id())) {
                throw new EventRefusal("events.refused.no-longer-member");
            }
            if (agree) {
                registrations.approve(person.accountId(), registration);
            } else {
                registrations.refuse(person.accountId(), registration);
            }
            redirect.addFlashAttribute("saved", agree ? "events.approved" : "events.refused-registration");
        } catch (EventRefusal refusal) {
            redirect.addFlashAttribute(
                    "refused", messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        }
        return "redirect:/organisations/" + id + "/inscriptions-evenements";
    }
}
