package fr.guichet.access;

import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's queue: requests for the services the agency decides itself (never the super admins' ones). */
@Controller
class AgencyPages {

    public record Row(AccessRequestView request, PersonView requester, ServiceView service, String establishment) {}

    private final AccessRequests requests;
    private final Catalogue catalogue;
    private final Accounts accounts;
    private final Organizations organizations;

    AgencyPages(AccessRequests requests, Catalogue catalogue, Accounts accounts, Organizations organizations) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping("/agence/demandes-acces")
    String queue(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute(
                "rows",
                requests.agencyQueue(person.accountId()).stream()
                        .map(r -> new Row(
                                r,
                                accounts.find(r.requester()).orElseThrow(),
                                catalogue.find(r.service()).orElseThrow(),
                                r.establishmentId() == null
                                        ? null
                                        : organizations
                                                .find(new OrganizationId(r.establishmentId()))
                                                .map(o -> o.label())
                                                .orElse(null)))
                        .toList());
        return "access/agency-queue";
    }

    @PostMapping("/agence/demandes-acces/{requestId}")
    String decide(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("requestId") long requestId,
            @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "commentaire", required = false) String comment,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requests.requireStaff(person.accountId());
        if (!decision.equals("accepter") && !decision.equals("refuser")) {
            redirect.addFlashAttribute("refusal", "decisions.choose");
        } else {
            EstablishmentAccessPages.decideAndSay(
                    () -> requests.decide(
                            person.accountId(),
                            new AccessRequestId(requestId),
                            decision.equals("accepter"),
                            comment,
                            locale,
                            ClientAddress.of(request)),
                    redirect);
        }
        return "redirect:/agence/demandes-acces";
    }
}
