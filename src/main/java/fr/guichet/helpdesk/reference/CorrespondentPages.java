package fr.guichet.helpdesk.reference;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.ReferenceForms.CorrespondentForm;
import fr.guichet.helpdesk.reference.ReferenceForms.InstalledVersionForm;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.NotFoundException;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One establishment and one product: its correspondents, its validated installed version and server data. */
@Controller
class CorrespondentPages {

    private static final String PAGE = ROOT + "/produits/{id}/etablissements/{establishmentId}";

    private final Products products;
    private final Correspondents correspondents;
    private final ReferenceAccess access;
    private final Servers servers;

    CorrespondentPages(Products products, Correspondents correspondents, ReferenceAccess access, Servers servers) {
        this.products = products;
        this.correspondents = correspondents;
        this.access = access;
        this.servers = servers;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requireStaff(person);
    }

    @InitBinder
    void lenient(WebDataBinder binder) {
        ReferenceForms.lenientChoices(binder);
    }

    @GetMapping(PAGE)
    String show(@PathVariable("id") long id, @PathVariable("establishmentId") long establishmentId, Model model) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var establishment = correspondents.establishment(establishmentId);
        return page(model, product, establishment);
    }

    @PostMapping(PAGE + "/correspondants")
    String add(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("establishmentId") long establishmentId,
            @Valid @ModelAttribute("correspondentForm") CorrespondentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var establishment = correspondents.establishment(establishmentId);
        if (!result.hasErrors()) {
            try {
                correspondents.add(person.accountId(), establishment, product, form);
                redirect.addFlashAttribute("saved", "reference.correspondent.added");
                return "redirect:" + here(product, establishment);
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return page(model, product, establishment);
    }

    @PostMapping(PAGE + "/correspondants/{correspondentId}/retrait")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("establishmentId") long establishmentId,
            @PathVariable("correspondentId") long correspondentId,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var establishment = correspondents.establishment(establishmentId);
        correspondents.remove(person.accountId(), establishment, product, correspondentId);
        redirect.addFlashAttribute("saved", "reference.correspondent.removed");
        return "redirect:" + here(product, establishment);
    }

    @PostMapping(PAGE + "/version-installee")
    String install(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("establishmentId") long establishmentId,
            @Valid @ModelAttribute("installedForm") InstalledVersionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var establishment = correspondents.establishment(establishmentId);
        if (!result.hasErrors()) {
            try {
                correspondents.install(person.accountId(), establishment, product, form);
                redirect.addFlashAttribute("saved", "reference.installed.saved");
                return "redirect:" + here(product, establishment);
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return page(model, product, establishment);
    }

    private static String here(Products.Product product, OrganizationView establishment) {
        return ROOT + "/produits/" + product.id() + "/etablissements/"
                + establishment.id().value();
    }

    private String page(Model model, Products.Product product, OrganizationView establishment) {
        var installed = correspondents.installed(establishment.id().value(), product.id());
        model.addAttribute("product", product);
        model.addAttribute("establishment", establishment);
        model.addAttribute(
                "correspondents", correspondents.of(establishment.id().value(), product.id()));
        model.addAttribute("installed", installed.orElse(null));
        model.addAttribute("servers", servers.servers(establishment.id(), new ProductId(product.id())));
        model.addAttribute("versions", products.versions(product.id()));
        model.addAttribute("kinds", CorrespondentKind.values());
        if (!model.containsAttribute("correspondentForm")) {
            model.addAttribute("correspondentForm", new CorrespondentForm(null, null, null));
        }
        if (!model.containsAttribute("installedForm")) {
            model.addAttribute(
                    "installedForm",
                    new InstalledVersionForm(
                            installed.map(Correspondents.Installed::versionId).orElse(null),
                            installed.map(Correspondents.Installed::serverData).orElse(null)));
        }
        return "helpdesk/reference/establishment";
    }
}
