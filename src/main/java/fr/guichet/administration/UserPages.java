package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Civility;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Gestion des utilisateurs": the organisation's users, creating one, removing several. */
@Controller
class UserPages {

    private final Administration administration;

    UserPages(Administration administration) {
        this.administration = administration;
    }

    @GetMapping("/organisations/{id}/utilisateurs")
    String users(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "q", defaultValue = "") String filter,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        var organization = new OrganizationId(id);
        var administered = administration.administered(person.accountId(), organization);
        model.addAttribute("organization", administered.organization());
        model.addAttribute(
                "declared",
                administration.allows(administered, Administration.Capability.MANAGE_USERS)
                        ? administration
                                .declaredMemberships(person.accountId(), organization)
                                .size()
                        : 0);
        var users = administration.users(person.accountId(), organization, filter, Math.max(page, 1) - 1);
        model.addAttribute("users", users.people());
        model.addAttribute("members", users);
        model.addAttribute("filter", filter.strip());
        return "administration/users";
    }

    @GetMapping("/organisations/{id}/utilisateurs/nouveau")
    String newUser(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        model.addAttribute("form", UserForm.empty());
        return userPage(person, id, model);
    }

    @PostMapping("/organisations/{id}/utilisateurs/nouveau")
    String createUser(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") UserForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return userPage(person, id, model);
        }
        try {
            administration.addUser(
                    person.accountId(), new OrganizationId(id), form.person(), locale, ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "users.invited");
            redirect.addFlashAttribute("sentTo", form.email().strip());
        } catch (AdministrationRefusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
            return userPage(person, id, model);
        }
        return "redirect:/organisations/" + id + "/utilisateurs";
    }

    private String userPage(SignedInPerson person, long id, Model model) {
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute("civilities", Civility.values());
        return "administration/user-new";
    }

    /** Step one of removal: the people chosen, shown for confirmation. */
    @PostMapping("/organisations/{id}/utilisateurs/retrait")
    String confirmRemoval(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "person", required = false) List<Long> chosen,
            Model model,
            RedirectAttributes redirect) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS);
        if (chosen == null || chosen.isEmpty()) {
            redirect.addFlashAttribute("refusal", "users.remove.none");
            return "redirect:/organisations/" + id + "/utilisateurs";
        }
        var organization = new OrganizationId(id);
        var ids = Set.copyOf(chosen);
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), organization, Administration.Capability.MANAGE_USERS)
                        .organization());
        model.addAttribute(
                "users",
                administration.users(person.accountId(), organization).stream()
                        .filter(u -> ids.contains(u.id().value()))
                        .toList());
        return "administration/users-remove";
    }

    @PostMapping("/organisations/{id}/utilisateurs/retrait/confirmation")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "person", required = false) List<Long> chosen,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        administration.require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS);
        if (chosen != null && !chosen.isEmpty()) {
            try {
                administration.removeUsers(
                        person.accountId(),
                        new OrganizationId(id),
                        chosen.stream().map(AccountId::new).collect(Collectors.toSet()),
                        ClientAddress.of(request));
                redirect.addFlashAttribute("saved", "users.removed");
            } catch (AdministrationRefusal refusal) {
                redirect.addFlashAttribute("refusal", refusal.messageKey());
            }
        }
        return "redirect:/organisations/" + id + "/utilisateurs";
    }
}
