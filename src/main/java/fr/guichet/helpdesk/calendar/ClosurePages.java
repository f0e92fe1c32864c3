package fr.guichet.helpdesk.calendar;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.reference.ReferenceAccess;
import fr.guichet.helpdesk.reference.ReferenceForms.ClosureForm;
import fr.guichet.helpdesk.reference.ReferenceRefused;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's closure periods: no business day, no reminder, no automatic closure while closed.
 * Every ticket's deadlines move with them, so only platform admins change them.
 */
@Controller
class ClosurePages {

    private static final String CLOSURES = ROOT + "/fermetures";

    private final AgencyCalendar calendar;
    private final ReferenceAccess access;

    ClosurePages(AgencyCalendar calendar, ReferenceAccess access) {
        this.calendar = calendar;
        this.access = access;
    }

    @ModelAttribute
    void platformAdminsOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requirePlatformAdmin(person);
    }

    @GetMapping(CLOSURES)
    String list(Model model) {
        model.addAttribute("form", new ClosureForm(null, null, null));
        return page(model);
    }

    @PostMapping(CLOSURES)
    String add(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") ClosureForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        form.check(result);
        if (!result.hasErrors()) {
            try {
                calendar.close(person.accountId(), form);
                redirect.addFlashAttribute("saved", "reference.closure.added");
                return "redirect:" + CLOSURES;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return page(model);
    }

    @PostMapping(CLOSURES + "/{id}/suppression")
    String remove(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, RedirectAttributes redirect) {
        calendar.reopen(person.accountId(), id);
        redirect.addFlashAttribute("saved", "reference.closure.removed");
        return "redirect:" + CLOSURES;
    }

    private String page(Model model) {
        model.addAttribute("closures", calendar.closures());
        return "helpdesk/reference/closures";
    }
}
