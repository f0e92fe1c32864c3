package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent files a level-2 ticket for a site (a call, a mail: the VSR / VA origins): the
 * software, then the establishment and which of its correspondents will follow it.
 */
@Controller
class OnBehalfPages {

    private final TicketFiling filing;
    private final HelpdeskReference reference;
    private final Accounts accounts;
    private final Organizations organizations;

    OnBehalfPages(TicketFiling filing, HelpdeskReference reference, Accounts accounts, Organizations organizations) {
        this.filing = filing;
        this.reference = reference;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping("/agence/demandes/nouvelle")
    String categories(@AuthenticationPrincipal SignedInPerson person, Model model) {
        accounts.requireStaff(person);
        model.addAttribute("categories", reference.levelTwoCategories());
        return "helpdesk/on-behalf-categories";
    }

    @GetMapping("/agence/demandes/nouvelle/{category}")
    String form(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("category") long categoryId,
            @RequestParam(name = "etablissement", required = false) Long establishment,
            Model model) {
        accounts.requireStaff(person);
        var category = levelTwo(categoryId);
        var product = new ProductId(category.productId());
        model.addAttribute("category", category);
        model.addAttribute("domains", reference.domains(product));
        model.addAttribute(
                "establishments",
                organizations
                        .findAll(reference.establishmentsWithCorrespondents(product).stream()
                                .map(OrganizationId::new)
                                .toList())
                        .stream()
                        .sorted(Comparator.comparing(OrganizationView::label))
                        .toList());
        model.addAttribute("establishment", establishment);
        if (establishment != null) {
            model.addAttribute(
                    "correspondents",
                    reference.correspondents(new OrganizationId(establishment), product).stream()
                            .map(id -> accounts.find(new AccountId(id)))
                            .flatMap(Optional::stream)
                            .filter(PersonView::active)
                            .toList());
            reference
                    .installedVersion(new OrganizationId(establishment), product)
                    .ifPresent(v -> model.addAttribute("version", v.label()));
        }
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("natures", Nature.values());
        model.addAttribute("origins", List.of(SubStatus.VSR, SubStatus.VA));
        return "helpdesk/on-behalf-form";
    }

    @PostMapping("/agence/demandes/nouvelle/{category}")
    String file(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("category") long categoryId,
            @RequestParam(name = "etablissement", required = false) Long establishment,
            @RequestParam(name = "correspondent", required = false) Long correspondent,
            @RequestParam(name = "origin", required = false) SubStatus origin,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "nature", required = false) Nature nature,
            @RequestParam(name = "domain", required = false) String domain,
            @RequestParam(name = "messageCode", required = false) String messageCode,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "followUpEmail", required = false) String followUpEmail,
            Model model,
            RedirectAttributes redirect) {
        accounts.requireStaff(person);
        levelTwo(categoryId);
        try {
            if (establishment == null) {
                throw new FilingRefused("helpdesk.filing.on-behalf.correspondent-required");
            }
            var id = filing.fileOnBehalf(
                    person.accountId(),
                    new OrganizationId(establishment),
                    correspondent == null ? null : new AccountId(correspondent),
                    origin,
                    new LevelTwoForm(
                            new CategoryId(categoryId),
                            priority,
                            domain,
                            nature,
                            null,
                            messageCode,
                            title,
                            description,
                            followUpEmail));
            redirect.addFlashAttribute("saved", "helpdesk.filed-on-behalf");
            return "redirect:/demandes/" + id.value();
        } catch (FilingRefused refused) {
            model.addAttribute("filingRefusal", refused.messageKey());
            model.addAttribute("filingRefusalArguments", refused.arguments());
            model.addAttribute(
                    "typed",
                    Map.of(
                            "title",
                            title,
                            "description",
                            description,
                            "domain",
                            domain == null ? "" : domain,
                            "messageCode",
                            messageCode == null ? "" : messageCode,
                            "followUpEmail",
                            followUpEmail == null ? "" : followUpEmail));
            return form(person, categoryId, establishment, model);
        }
    }

    private Category levelTwo(long categoryId) {
        return reference.levelTwoCategories().stream()
                .filter(c -> c.id() == categoryId)
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
