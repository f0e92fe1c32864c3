package fr.guichet.helpdesk.reference;

import fr.guichet.account.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's entry to the helpdesk's reference data: one link per part. */
@Controller
public class ReferencePages {

    public static final String ROOT = "/agence/referentiel";

    private final ReferenceAccess access;

    ReferencePages(ReferenceAccess access) {
        this.access = access;
    }

    // runs before the handler binds anything: nobody else learns more than "refused"
    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requireStaff(person);
    }

    @GetMapping(ROOT)
    String index(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("platformAdmin", access.isPlatformAdmin(person));
        return "helpdesk/reference/index";
    }

    /** A refusal that has no form to be shown in (a removal, a toggle): said on the page it returns to. */
    static void refused(RedirectAttributes redirect, ReferenceRefused refusal) {
        redirect.addFlashAttribute("refusal", refusal.messageKey());
        redirect.addFlashAttribute("refusalArguments", refusal.arguments());
    }
}
