package fr.guichet.administration;

import fr.guichet.account.MembershipId;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The memberships people declared in an organisation, each confirmed or refused by whoever manages its users. */
@Controller
class MembershipPages {

    private static final String LIST = "/organisations/{id}/utilisateurs/declarations";

    private final Administration administration;
    private final Clock clock;

    MembershipPages(Administration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    @GetMapping(LIST)
    String declared(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = new OrganizationId(id);
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), organization, Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute("declarations", administration.declaredMemberships(person.accountId(), organization));
        model.addAttribute("reasonLimit", Administration.REASON_LIMIT);
        model.addAttribute("zone", clock.getZone());
        return "administration/declared-memberships";
    }

    @PostMapping(LIST + "/{declaration}/confirmation")
    String confirm(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("declaration") long declaration,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            administration.confirmMembership(
                    person.accountId(),
                    new OrganizationId(id),
                    new MembershipId(declaration),
                    ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "memberships.confirmed");
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        } catch (OptimisticLockingFailureException simultaneous) {
            redirect.addFlashAttribute("refusal", "memberships.not-waiting");
        }
        return "redirect:/organisations/" + id + "/utilisateurs/declarations";
    }

    @PostMapping(LIST + "/{declaration}/refus")
    String refuse(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("declaration") long declaration,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            administration.refuseMembership(
                    person.accountId(),
                    new OrganizationId(id),
                    new MembershipId(declaration),
                    reason,
                    ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "memberships.refused");
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        } catch (OptimisticLockingFailureException simultaneous) {
            redirect.addFlashAttribute("refusal", "memberships.not-waiting");
        }
        return "redirect:/organisations/" + id + "/utilisateurs/declarations";
    }
}
