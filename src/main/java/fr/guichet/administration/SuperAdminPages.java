package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Super admins: a member finds his establishment's ("Retrouvez toutes les infos partagées" →
 * "Super Admin"), beside its software correspondents; a platform admin or a super admin names them.
 */
@Controller
class SuperAdminPages {

    private final Administration administration;
    private final Accounts accounts;
    private final MyEstablishments myEstablishments;

    SuperAdminPages(Administration administration, Accounts accounts, MyEstablishments myEstablishments) {
        this.administration = administration;
        this.accounts = accounts;
        this.myEstablishments = myEstablishments;
    }

    @GetMapping("/mon-etablissement")
    String myEstablishment(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("establishments", myEstablishments.of(person.accountId()));
        return "administration/my-establishment";
    }

    @GetMapping("/organisations/{id}/super-admins")
    String superAdmins(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var establishment = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.NAME_SUPER_ADMINS)
                .organization();
        var current = administration.superAdminsOf(establishment.id());
        model.addAttribute("organization", establishment);
        model.addAttribute("superAdmins", current);
        model.addAttribute(
                "candidates",
                accounts.membersOf(establishment.id()).stream()
                        .filter(p -> p.active() && current.stream().noneMatch(c -> c.id().equals(p.id())))
                        .toList());
        model.addAttribute("full", current.size() >= SuperAdmin.MAX_PER_ESTABLISHMENT);
        return "administration/super-admins";
    }

    @PostMapping("/organisations/{id}/super-admins")
    String name(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "person", required = false) Long chosen,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.NAME_SUPER_ADMINS);
        if (chosen == null) {
            redirect.addFlashAttribute("refusal", "super-admin.choose");
        } else {
            try {
                administration.nameSuperAdmin(
                        person.accountId(), new OrganizationId(id), new AccountId(chosen), ClientAddress.of(request));
                redirect.addFlashAttribute("saved", "account.saved");
            } catch (AdministrationRefusal refusal) {
                redirect.addFlashAttribute("refusal", refusal.messageKey());
            }
        }
        return "redirect:/organisations/" + id + "/super-admins";
    }

    @PostMapping("/organisations/{id}/super-admins/{accountId}/retrait")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("accountId") long accountId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            administration.removeSuperAdmin(
                    person.accountId(), new OrganizationId(id), new AccountId(accountId), ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "account.saved");
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/organisations/" + id + "/super-admins";
    }
}
