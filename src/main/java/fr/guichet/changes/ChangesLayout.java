package fr.guichet.changes;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentSites;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the header offers the correspondents' space: only to a correspondent, read fresh on every page. */
@ControllerAdvice
class ChangesLayout {

    private final CorrespondentSites reference;

    ChangesLayout(CorrespondentSites reference) {
        this.reference = reference;
    }

    @ModelAttribute
    void correspondent(Model model, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            model.addAttribute("correspondent", reference.isCorrespondent(person.accountId()));
        }
    }
}
