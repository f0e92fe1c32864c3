package fr.guichet.releases;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The establishment's project address for a product, from its correspondents' space. */
@Controller
class ProjectAddressPages {

    private static final String PAGE = "/produits/{id}/adresse-projet";

    private final ProjectAddresses addresses;
    private final CorrespondentSites reference;
    private final Organizations organizations;

    ProjectAddressPages(ProjectAddresses addresses, CorrespondentSites reference, Organizations organizations) {
        this.addresses = addresses;
        this.reference = reference;
        this.organizations = organizations;
    }

    @GetMapping(PAGE)
    String form(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam("etablissement") long establishment,
            Locale locale,
            Model model) {
        var site = new OrganizationId(establishment);
        var product = new ProductId(id);
        var current = addresses.of(person.accountId(), site, product);
        return page(
                model,
                site,
                product,
                current.map(ProjectAddresses.ProjectAddress::email).orElse(""),
                current.map(a -> a.locale().getLanguage()).orElse(locale.getLanguage()),
                current.isPresent());
    }

    @PostMapping(PAGE)
    String set(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam("etablissement") long establishment,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "language", required = false) @Nullable String language,
            Model model,
            RedirectAttributes redirect) {
        var site = new OrganizationId(establishment);
        var product = new ProductId(id);
        try {
            addresses.set(person.accountId(), site, product, email, language);
        } catch (ReleaseRefusal refused) {
            model.addAttribute("refusal", refused.messageKey());
            return page(
                    model,
                    site,
                    product,
                    email,
                    language == null ? "fr" : language,
                    addresses.of(person.accountId(), site, product).isPresent());
        }
        redirect.addFlashAttribute("saved", "releases.address.saved");
        return "redirect:/espace-correspondant";
    }

    @PostMapping(PAGE + "/suppression")
    String clear(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam("etablissement") long establishment,
            RedirectAttributes redirect) {
        addresses.clear(person.accountId(), new OrganizationId(establishment), new ProductId(id));
        redirect.addFlashAttribute("saved", "releases.address.cleared");
        return "redirect:/espace-correspondant";
    }

    private String page(
            Model model, OrganizationId site, ProductId product, String email, String language, boolean exists) {
        model.addAttribute("establishmentId", site.value());
        model.addAttribute(
                "establishmentName",
                organizations.find(site).map(OrganizationView::name).orElse(""));
        model.addAttribute("productId", product.value());
        model.addAttribute("productName", reference.productName(product).orElse(""));
        model.addAttribute("email", email);
        model.addAttribute("language", language);
        model.addAttribute("exists", exists);
        return "releases/project-address";
    }
}
