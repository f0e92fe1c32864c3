package fr.guichet.administration;

import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the header offers "Vos collectivités": only to someone who administers something. */
@ControllerAdvice
class AdministrationLayout {

    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final Accounts accounts;

    AdministrationLayout(GrantRepository grants, SuperAdminRepository superAdmins, Accounts accounts) {
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.accounts = accounts;
    }

    @ModelAttribute
    void administers(Model model, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPerson person) {
            var id = person.accountId().value();
            model.addAttribute(
                    "administers",
                    accounts.isPlatformAdmin(person.accountId())
                            || grants.findByAccountId(id).stream()
                                    .anyMatch(g -> g.kind() == Grant.Kind.ADMIN || g.kind() == Grant.Kind.SUPERVISION)
                            || !superAdmins.findByKeyAccountId(id).isEmpty());
        }
    }
}
