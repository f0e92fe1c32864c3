package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the page header shows: the signed-in person and the organisation he acts for. */
@ControllerAdvice
class LayoutModel {

    record Header(String displayName, String actingOrganization, boolean platformAdmin) {
    }

    private final AccountRepository accounts;
    private final Organizations organizations;

    LayoutModel(AccountRepository accounts, Organizations organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @ModelAttribute
    void header(Model model, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return;
        }
        CurrentPerson.get().flatMap(person -> accounts.findById(person.accountId().value())).ifPresent(account -> {
            // the first membership acts until switching between memberships exists
            var acting = account.memberships().stream().findFirst()
                    .flatMap(m -> organizations.find(new OrganizationId(m.organizationId())))
                    .map(o -> o.label())
                    .orElse(null);
            model.addAttribute("header", new Header(account.displayName(), acting, account.platformAdmin()));
        });
    }
}
