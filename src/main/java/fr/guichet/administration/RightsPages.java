package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.organization.RoleView;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rights matrices: "Définir les intervenants" (a service's roles, or the "Gestion"
 * service's supervision rights) and "Définir les administrateurs" (the five admin rights).
 * A cell is a checkbox named {@code grant} with value {@code personId:code}; saved in one action.
 */
@Controller
class RightsPages {

    static final String MANAGEMENT = "MANAGEMENT";

    private final Administration administration;
    private final Organizations organizations;

    RightsPages(Administration administration, Organizations organizations) {
        this.administration = administration;
        this.organizations = organizations;
    }

    record Column(String code, String label, String description) {}

    @GetMapping("/organisations/{id}/intervenants")
    String roles(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "service", defaultValue = RoleView.PROCUREMENT_ROOM) String service,
            Model model,
            Locale locale) {
        var organization = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.MANAGE_USERS)
                .organization();
        var management = MANAGEMENT.equals(service);
        model.addAttribute("service", management ? MANAGEMENT : RoleView.PROCUREMENT_ROOM);
        model.addAttribute(
                "columns",
                management
                        ? supervisionColumns()
                        : organizations
                                .type(organization.typeCode(), locale)
                                .orElseThrow()
                                .rolesOf(RoleView.PROCUREMENT_ROOM)
                                .stream()
                                .map(r -> new Column(r.code(), r.label(), r.description()))
                                .toList());
        model.addAttribute(
                "checked",
                checked(
                        management
                                ? administration.rights(person.accountId(), organization.id(), Grant.Kind.SUPERVISION)
                                : administration.roles(
                                        person.accountId(), organization.id(), RoleView.PROCUREMENT_ROOM)));
        return matrix(person, organization.id(), "roles", model);
    }

    @PostMapping("/organisations/{id}/intervenants")
    String saveRoles(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "service", defaultValue = RoleView.PROCUREMENT_ROOM) String service,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var management = MANAGEMENT.equals(service);
        return save(
                person,
                id,
                management ? Grant.Kind.SUPERVISION : Grant.Kind.ROLE,
                management ? Grant.NO_SERVICE : RoleView.PROCUREMENT_ROOM,
                form,
                request,
                redirect,
                "/organisations/" + id + "/intervenants?service="
                        + (management ? MANAGEMENT : RoleView.PROCUREMENT_ROOM));
    }

    @GetMapping("/organisations/{id}/administrateurs")
    String admins(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var administered = administration.require(
                person.accountId(), new OrganizationId(id), Administration.Capability.NAME_ADMINS);
        var organization = administered.organization();
        model.addAttribute(
                "columns",
                Arrays.stream(AdminRight.values())
                        .map(r -> new Column(r.name(), "admin-right." + r.name(), null))
                        .toList());
        model.addAttribute(
                "grantable",
                administered.authority().grantableIn(organization.path()).stream()
                        .map(Enum::name)
                        .toList());
        model.addAttribute(
                "checked", checked(administration.rights(person.accountId(), organization.id(), Grant.Kind.ADMIN)));
        return matrix(person, organization.id(), "admins", model);
    }

    @PostMapping("/organisations/{id}/administrateurs")
    String saveAdmins(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return save(
                person,
                id,
                Grant.Kind.ADMIN,
                Grant.NO_SERVICE,
                form,
                request,
                redirect,
                "/organisations/" + id + "/administrateurs");
    }

    private String matrix(SignedInPerson person, OrganizationId id, String which, Model model) {
        model.addAttribute(
                "organization",
                administration.administered(person.accountId(), id).organization());
        model.addAttribute("users", administration.users(person.accountId(), id));
        model.addAttribute("which", which);
        model.addAttribute("grantsWaitFor", administration.grantsWaitFor(id).orElse(null));
        return "administration/matrix";
    }

    private String save(
            SignedInPerson person,
            long id,
            Grant.Kind kind,
            String service,
            MultiValueMap<String, String> form,
            HttpServletRequest request,
            RedirectAttributes redirect,
            String back) {
        // no capability at all here is a 403 like any other page; a cell he may not change, a message
        administration.require(
                person.accountId(),
                new OrganizationId(id),
                kind == Grant.Kind.ADMIN
                        ? Administration.Capability.NAME_ADMINS
                        : Administration.Capability.MANAGE_USERS);
        var wanted = new HashMap<AccountId, Set<String>>();
        // every listed person is in the matrix, even with nothing ticked: unticking is revoking
        for (var shown : form.getOrDefault("person", List.of())) {
            parseId(shown).ifPresent(p -> wanted.put(p, new HashSet<>()));
        }
        for (var cell : form.getOrDefault("grant", List.of())) {
            var separator = cell.indexOf(':');
            if (separator > 0) {
                parseId(cell.substring(0, separator))
                        .ifPresent(p ->
                                wanted.computeIfAbsent(p, k -> new HashSet<>()).add(cell.substring(separator + 1)));
            }
        }
        try {
            administration.saveMatrix(
                    person.accountId(), new OrganizationId(id), kind, service, wanted, ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "account.saved");
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        } catch (AccessDeniedException denied) {
            redirect.addFlashAttribute("refusal", "admins.not-held");
        }
        return "redirect:" + back;
    }

    private static Optional<AccountId> parseId(String value) {
        try {
            return Optional.of(new AccountId(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Set<String> checked(Map<AccountId, Set<String>> matrix) {
        var cells = new HashSet<String>();
        matrix.forEach((person, codes) -> codes.forEach(code -> cells.add(person.value() + ":" + code)));
        return cells;
    }

    private static List<Column> supervisionColumns() {
        return Arrays.stream(SupervisionRight.values())
                .map(r -> new Column(r.name(), "supervision-right." + r.name(), null))
                .toList();
    }
}
