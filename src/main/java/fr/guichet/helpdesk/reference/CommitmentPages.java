package fr.guichet.helpdesk.reference;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.reference.ReferenceForms.CommitmentsForm;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The service commitments: the first reply is due within so many business days, by priority. */
@Controller
class CommitmentPages {

    private static final String COMMITMENTS = ROOT + "/engagements";

    private final Commitments calendar;
    private final ReferenceAccess access;

    CommitmentPages(Commitments calendar, ReferenceAccess access) {
        this.calendar = calendar;
        this.access = access;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requireStaff(person);
    }

    @GetMapping(COMMITMENTS)
    String commitments(Model model) {
        model.addAttribute("form", calendar.commitments());
        return "helpdesk/reference/commitments";
    }

    @PostMapping(COMMITMENTS)
    String commit(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") CommitmentsForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        form.check(result);
        if (result.hasErrors()) {
            return "helpdesk/reference/commitments";
        }
        calendar.commit(person.accountId(), form);
        redirect.addFlashAttribute("saved", "reference.commitment.saved");
        return "redirect:" + COMMITMENTS;
    }
}
