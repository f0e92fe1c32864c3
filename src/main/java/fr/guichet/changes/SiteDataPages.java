package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.Refusal;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the chapters other than the installed version: the correspondent's own contact, the
 * establishment's data, the site's correspondents (one leaves, one arrives) and its servers. Each
 * sends a request to the agency; nothing changes before it validates.
 */
@Controller
class SiteDataPages {

    private final ChangeRequests changes;
    private final CorrespondentSpace space;
    private final CorrespondentSites reference;
    private final ContactChanges contacts;
    private final EstablishmentChanges establishments;
    private final ServerChanges servers;

    SiteDataPages(
            ChangeRequests changes,
            CorrespondentSpace space,
            CorrespondentSites reference,
            ContactChanges contacts,
            EstablishmentChanges establishments,
            ServerChanges servers) {
        this.changes = changes;
        this.space = space;
        this.reference = reference;
        this.contacts = contacts;
        this.establishments = establishments;
        this.servers = servers;
    }

    @GetMapping("/espace-correspondant/coordonnees")
    String contactForm(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            Model model) {
        var site = site(person, establishment, product);
        var now = contacts.current(person.accountId(), site.establishment(), site.product())
                .orElse(new ContactChanges.Contact(null, null));
        model.addAttribute("site", site);
        model.addAttribute("contactEmail", now.contactEmail());
        model.addAttribute("contactPhone", now.contactPhone());
        return "changes/contact-form";
    }

    @PostMapping("/espace-correspondant/coordonnees")
    String askContact(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            @RequestParam(name = "contactEmail", required = false) @Nullable String contactEmail,
            @RequestParam(name = "contactPhone", required = false) @Nullable String contactPhone,
            Model model,
            RedirectAttributes redirect) {
        var site = site(person, establishment, product);
        model.addAttribute("site", site);
        model.addAttribute("contactEmail", contactEmail);
        model.addAttribute("contactPhone", contactPhone);
        return asked(
                () -> changes.askContact(
                        person.accountId(), site.establishment(), site.product(), contactEmail, contactPhone),
                "changes/contact-form",
                model,
                redirect);
    }

    @GetMapping("/espace-correspondant/etablissement")
    String establishmentForm(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            Model model) {
        var found = space.establishment(person.accountId(), new OrganizationId(establishment));
        model.addAttribute("establishment", found);
        model.addAttribute("details", establishments.current(found.id()));
        return "changes/establishment-form";
    }

    @PostMapping("/espace-correspondant/etablissement")
    String askEstablishmentData(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @ModelAttribute("details") EstablishmentChanges.Details details,
            Model model,
            RedirectAttributes redirect) {
        var found = space.establishment(person.accountId(), new OrganizationId(establishment));
        model.addAttribute("establishment", found);
        return asked(
                () -> changes.askEstablishmentData(person.accountId(), found.id(), details),
                "changes/establishment-form",
                model,
                redirect);
    }

    @GetMapping("/espace-correspondant/correspondants")
    String correspondents(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            Model model) {
        return correspondentsPage(site(person, establishment, product), model);
    }

    @PostMapping("/espace-correspondant/correspondants/depart")
    String askDeparture(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            @RequestParam("compte") long leaving,
            @RequestParam("nature") CorrespondentKind kind,
            Model model,
            RedirectAttributes redirect) {
        var site = site(person, establishment, product);
        correspondentsModel(site, model);
        return asked(
                () -> changes.askDeparture(
                        person.accountId(), site.establishment(), site.product(), new AccountId(leaving), kind),
                "changes/correspondents",
                model,
                redirect);
    }

    @PostMapping("/espace-correspondant/correspondants/arrivee")
    String askNewcomer(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "nature", required = false) @Nullable CorrespondentKind kind,
            @RequestParam(name = "contactEmail", required = false) @Nullable String contactEmail,
            Model model,
            RedirectAttributes redirect) {
        var site = site(person, establishment, product);
        correspondentsModel(site, model);
        model.addAttribute("email", email);
        model.addAttribute("nature", kind);
        model.addAttribute("contactEmail", contactEmail);
        return asked(
                () -> changes.askNewCorrespondent(
                        person.accountId(), site.establishment(), site.product(), email, kind, contactEmail),
                "changes/correspondents",
                model,
                redirect);
    }

    @GetMapping("/espace-correspondant/serveurs")
    String serversForm(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            Model model) {
        var site = site(person, establishment, product);
        model.addAttribute("site", site);
        model.addAttribute("form", ServersForm.of(servers.current(site.establishment(), site.product())));
        model.addAttribute("roles", SiteServers.Role.values());
        return "changes/servers-form";
    }

    @PostMapping("/espace-correspondant/serveurs")
    String askServers(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            @ModelAttribute("form") ServersForm form,
            Model model,
            RedirectAttributes redirect) {
        var site = site(person, establishment, product);
        model.addAttribute("site", site);
        model.addAttribute("roles", SiteServers.Role.values());
        var wanted = form.filled();
        model.addAttribute("form", form.reshown());
        return asked(
                () -> changes.askServers(person.accountId(), site.establishment(), site.product(), wanted),
                "changes/servers-form",
                model,
                redirect);
    }

    /** Sent: to the request's page; refused: the same form again, as typed, with why. */
    private static String asked(Supplier<ChangeRequestId> ask, String form, Model model, RedirectAttributes redirect) {
        try {
            var id = ask.get();
            redirect.addFlashAttribute("saved", "changes.asked");
            return "redirect:/espace-correspondant/demandes/" + id.value();
        } catch (Refusal refused) {
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", refused.arguments());
            return form;
        }
    }

    private String correspondentsPage(CorrespondentSpace.Site site, Model model) {
        correspondentsModel(site, model);
        return "changes/correspondents";
    }

    private void correspondentsModel(CorrespondentSpace.Site site, Model model) {
        model.addAttribute("site", site);
        model.addAttribute("named", reference.named(site.establishment(), site.product()));
        model.addAttribute("kinds", CorrespondentKind.values());
    }

    private CorrespondentSpace.Site site(SignedInPerson person, long establishment, long product) {
        return space.site(person.accountId(), new OrganizationId(establishment), new ProductId(product));
    }
}
