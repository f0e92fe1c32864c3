package fr.guichet.helpdesk.reference;

import static fr.guichet.helpdesk.reference.ReferencePages.ROOT;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.reference.ReferenceForms.DomainForm;
import fr.guichet.helpdesk.reference.ReferenceForms.ProductForm;
import fr.guichet.helpdesk.reference.ReferenceForms.VersionForm;
import fr.guichet.organization.Organizations;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Products: their identity and guidance, their versions, their domains, and where they have correspondents. */
@Controller
class ProductPages {

    private static final String PRODUCTS = ROOT + "/produits";

    private final Products products;
    private final Correspondents correspondents;
    private final Organizations organizations;
    private final ReferenceAccess access;

    ProductPages(
            Products products, Correspondents correspondents, Organizations organizations, ReferenceAccess access) {
        this.products = products;
        this.correspondents = correspondents;
        this.organizations = organizations;
        this.access = access;
    }

    @ModelAttribute
    void staffOnly(@AuthenticationPrincipal SignedInPerson person) {
        access.requireStaff(person);
    }

    @InitBinder
    void lenient(WebDataBinder binder) {
        ReferenceForms.lenientChoices(binder);
    }

    @GetMapping(PRODUCTS)
    String list(Model model) {
        model.addAttribute("products", products.all());
        return "helpdesk/reference/products";
    }

    @GetMapping(PRODUCTS + "/nouveau")
    String newProduct(Model model) {
        model.addAttribute("form", ProductForm.empty());
        return "helpdesk/reference/product";
    }

    @PostMapping(PRODUCTS + "/nouveau")
    String create(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") ProductForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var id = products.create(person.accountId(), form);
                redirect.addFlashAttribute("saved", "reference.product.created");
                return "redirect:" + PRODUCTS + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return "helpdesk/reference/product";
    }

    @GetMapping(PRODUCTS + "/{id}")
    String show(
            @PathVariable("id") long id,
            @RequestParam(name = "etablissement", required = false) String search,
            Model model) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute(
                "form", new ProductForm(product.code(), product.name(), product.guidance(), product.active()));
        if (search != null && !search.isBlank()) {
            model.addAttribute("search", search.strip());
            model.addAttribute("found", organizations.searchEstablishments(search, 20));
        }
        return page(model, product);
    }

    @PostMapping(PRODUCTS + "/{id}")
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") ProductForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        if (!result.hasErrors()) {
            try {
                products.change(person.accountId(), id, form);
                redirect.addFlashAttribute("saved", "reference.product.changed");
                return "redirect:" + PRODUCTS + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return page(model, product);
    }

    @PostMapping(PRODUCTS + "/{id}/versions")
    String addVersion(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("versionForm") VersionForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        form.check(result);
        if (!result.hasErrors()) {
            try {
                products.addVersion(person.accountId(), id, form);
                redirect.addFlashAttribute("saved", "reference.version.added");
                return "redirect:" + PRODUCTS + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return pageAsSaved(model, product);
    }

    @PostMapping(PRODUCTS + "/{id}/versions/{versionId}/maintenance")
    String maintain(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("versionId") long version,
            @RequestParam(name = "maintenue", defaultValue = "false") String wanted,
            RedirectAttributes redirect) {
        var maintained = "true".equals(wanted);
        products.maintain(person.accountId(), id, version, maintained);
        redirect.addFlashAttribute(
                "saved", maintained ? "reference.version.maintained.saved" : "reference.version.unmaintained");
        return "redirect:" + PRODUCTS + "/" + id;
    }

    @PostMapping(PRODUCTS + "/{id}/domaines")
    String addDomain(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("domainForm") DomainForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        if (!result.hasErrors()) {
            try {
                products.addDomain(person.accountId(), id, form);
                redirect.addFlashAttribute("saved", "reference.domain.added");
                return "redirect:" + PRODUCTS + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return pageAsSaved(model, product);
    }

    @GetMapping(PRODUCTS + "/{id}/domaines/{domainId}")
    String domain(@PathVariable("id") long id, @PathVariable("domainId") long domainId, Model model) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var domain = products.domain(id, domainId).orElseThrow(NotFoundException::new);
        model.addAttribute("domainForm", new DomainForm(domain.name()));
        return domainPage(model, product, domain);
    }

    @PostMapping(PRODUCTS + "/{id}/domaines/{domainId}")
    String rename(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("domainId") long domainId,
            @Valid @ModelAttribute("domainForm") DomainForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var product = products.find(id).orElseThrow(NotFoundException::new);
        var domain = products.domain(id, domainId).orElseThrow(NotFoundException::new);
        if (!result.hasErrors()) {
            try {
                products.renameDomain(person.accountId(), id, domainId, form);
                redirect.addFlashAttribute("saved", "reference.domain.renamed");
                return "redirect:" + PRODUCTS + "/" + id;
            } catch (ReferenceRefused refusal) {
                refusal.showOn(result);
            }
        }
        return domainPage(model, product, domain);
    }

    @PostMapping(PRODUCTS + "/{id}/domaines/{domainId}/suppression")
    String removeDomain(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("domainId") long domainId,
            RedirectAttributes redirect) {
        try {
            products.removeDomain(person.accountId(), id, domainId);
            redirect.addFlashAttribute("saved", "reference.domain.removed");
        } catch (ReferenceRefused refusal) {
            ReferencePages.refused(redirect, refusal);
        }
        return "redirect:" + PRODUCTS + "/" + id;
    }

    /** A refused version or domain: the product's own form shows what is recorded. */
    private String pageAsSaved(Model model, Products.Product product) {
        model.addAttribute(
                "form", new ProductForm(product.code(), product.name(), product.guidance(), product.active()));
        return page(model, product);
    }

    private String page(Model model, Products.Product product) {
        model.addAttribute("product", product);
        model.addAttribute("versions", products.versions(product.id()));
        model.addAttribute("domains", products.domains(product.id()));
        model.addAttribute("covered", correspondents.establishmentsOf(product.id()));
        if (!model.containsAttribute("versionForm")) {
            model.addAttribute("versionForm", VersionForm.empty());
        }
        if (!model.containsAttribute("domainForm")) {
            model.addAttribute("domainForm", new DomainForm(null));
        }
        return "helpdesk/reference/product";
    }

    private String domainPage(Model model, Products.Product product, Products.Domain domain) {
        model.addAttribute("product", product);
        model.addAttribute("domain", domain);
        return "helpdesk/reference/domain";
    }
}
