package fr.guichet.administration;

import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.OrganizationHomePart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Vos collectivités": the tree, an organisation's home, creating, changing and deleting. */
@Controller
class OrganizationPages {

    private final Administration administration;
    private final Organizations organizations;
    private final List<OrganizationHomePart> parts;

    OrganizationPages(Administration administration, Organizations organizations, List<OrganizationHomePart> parts) {
        this.administration = administration;
        this.organizations = organizations;
        this.parts = parts;
    }

    /** Another module's section of the home page, and what it shows to this viewer. */
    public record Shown(String template, Object content) {}

    /** An ancestor in the breadcrumb: a link only where the viewer may go. */
    record Crumb(OrganizationView organization, boolean link) {}

    /** A line of the tree, indented by its depth below the top shown. */
    record TreeLine(OrganizationView organization, int level, boolean current) {}

    @GetMapping("/organisations")
    String tree(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("tree", lines(administration.treeAround(person.accountId(), null), null));
        return "administration/tree";
    }

    @GetMapping("/organisations/{id}")
    String home(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model, Locale locale) {
        var administered = administration.seen(person.accountId(), new OrganizationId(id));
        var organization = administered.organization();
        model.addAttribute("organization", organization);
        model.addAttribute("mayAdminister", administration.allows(administered, Administration.Capability.VIEW));
        model.addAttribute("tree", lines(administration.treeAround(person.accountId(), organization), organization));
        // they hold every right on the establishment's tree: the first people to turn to, even where nobody was named
        var superAdmins = administration.superAdminsOf(organization.establishmentId());
        var superAdminIds = superAdmins.stream().map(PersonView::id).collect(Collectors.toSet());
        model.addAttribute("superAdmins", superAdmins);
        model.addAttribute(
                "admins",
                administration.peopleWith(person.accountId(), organization.id(), Grant.Kind.ADMIN).stream()
                        .filter(p -> !superAdminIds.contains(p.id()))
                        .toList());
        model.addAttribute(
                "supervisors",
                administration.peopleWith(person.accountId(), organization.id(), Grant.Kind.SUPERVISION));
        model.addAttribute(
                "mayCreateSub",
                administration.allows(administered, Administration.Capability.CREATE_SUB_ORGANIZATIONS));
        model.addAttribute(
                "mayManageUsers", administration.allows(administered, Administration.Capability.MANAGE_USERS));
        model.addAttribute("mayNameAdmins", administration.allows(administered, Administration.Capability.NAME_ADMINS));
        model.addAttribute("mayChange", administration.allows(administered, Administration.Capability.CHANGE));
        model.addAttribute("mayDelete", administration.allows(administered, Administration.Capability.DELETE));
        model.addAttribute(
                "superAdminView", administration.allows(administered, Administration.Capability.NAME_SUPER_ADMINS));
        // access requests are the super admins' alone: a platform admin does not see these links
        model.addAttribute(
                "decidesAccess",
                organization.establishment() && administered.authority().isSuperAdminOver(organization.path()));
        var viewer = person.accountId().value();
        model.addAttribute(
                "entries",
                parts.stream()
                        .flatMap(p -> p.entries(viewer, id).stream())
                        .sorted(Comparator.comparingInt(OrganizationHomePart.Entry::order))
                        .toList());
        model.addAttribute(
                "sections",
                parts.stream()
                        .flatMap(p -> p.section(viewer, id, locale).stream().map(c -> new Shown(p.template(), c)))
                        .toList());
        model.addAttribute(
                "breadcrumb",
                breadcrumb(organization).stream()
                        .map(o -> new Crumb(o, administered.authority().sees(o.path())))
                        .toList());
        return "administration/home";
    }

    @GetMapping("/organisations/{id}/sous-organisations/nouvelle")
    String newSubOrganization(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model, Locale locale) {
        var parent = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.CREATE_SUB_ORGANIZATIONS)
                .organization();
        model.addAttribute("form", new OrganizationForm(null, null, null, null, null, null, null, null));
        return subOrganizationPage(parent, model, locale);
    }

    @PostMapping("/organisations/{id}/sous-organisations/nouvelle")
    String createSubOrganization(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") OrganizationForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        var parent = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.CREATE_SUB_ORGANIZATIONS)
                .organization();
        if (form.typeCode() == null
                || organizations.type(form.typeCode(), locale).isEmpty()) {
            result.rejectValue("typeCode", "organization.type.required");
        }
        if (!OrganizationForm.INHERIT.equals(form.certificate())
                && !OrganizationForm.REQUEST.equals(form.certificate())) {
            result.rejectValue("certificate", "organization.certificate.required");
        }
        if (result.hasErrors()) {
            return subOrganizationPage(parent, model, locale);
        }
        var created = administration.createSubOrganization(
                person.accountId(),
                parent.id(),
                form.typeCode(),
                form.details(null),
                OrganizationForm.INHERIT.equals(form.certificate()),
                ClientAddress.of(request));
        return "redirect:/organisations/" + created.value();
    }

    private String subOrganizationPage(OrganizationView parent, Model model, Locale locale) {
        model.addAttribute("parent", parent);
        model.addAttribute("types", organizations.types(locale));
        return "administration/sub-organization-new";
    }

    @GetMapping("/organisations/{id}/modifier")
    String edit(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.CHANGE)
                .organization();
        model.addAttribute("organization", organization);
        model.addAttribute("form", OrganizationForm.of(organization.details()));
        return "administration/edit";
    }

    @PostMapping("/organisations/{id}/modifier")
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") OrganizationForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.CHANGE)
                .organization();
        if (result.hasErrors()) {
            model.addAttribute("organization", organization);
            return "administration/edit";
        }
        administration.change(
                person.accountId(),
                organization.id(),
                form.details(organization.details().website()),
                ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "account.saved");
        return "redirect:/organisations/" + id;
    }

    @GetMapping("/organisations/{id}/suppression")
    String confirmDeletion(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        model.addAttribute(
                "organization",
                administration
                        .require(person.accountId(), new OrganizationId(id), Administration.Capability.DELETE)
                        .organization());
        return "administration/delete";
    }

    @PostMapping("/organisations/{id}/suppression")
    String delete(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = administration
                .require(person.accountId(), new OrganizationId(id), Administration.Capability.DELETE)
                .organization();
        try {
            administration.delete(person.accountId(), organization.id(), ClientAddress.of(request));
        } catch (AdministrationRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
            return "redirect:/organisations/" + id;
        }
        redirect.addFlashAttribute("saved", "organization.deleted");
        return "redirect:/organisations/" + organization.parent().value();
    }

    private List<OrganizationView> breadcrumb(OrganizationView organization) {
        var ids = Arrays.stream(organization.path().split("/"))
                .filter(s -> !s.isEmpty())
                .map(s -> new OrganizationId(Long.parseLong(s)))
                .toList();
        var found = organizations.findAll(ids);
        return ids.stream()
                .map(i ->
                        found.stream().filter(o -> o.id().equals(i)).findFirst().orElse(null))
                .filter(Objects::nonNull)
                .toList();
    }

    private static List<TreeLine> lines(List<OrganizationView> tree, OrganizationView current) {
        return tree.stream()
                .map(o -> new TreeLine(
                        o,
                        o.depth() - minDepth(tree),
                        current != null && current.id().equals(o.id())))
                .toList();
    }

    private static int minDepth(List<OrganizationView> tree) {
        return tree.stream().mapToInt(OrganizationView::depth).min().orElse(0);
    }
}
