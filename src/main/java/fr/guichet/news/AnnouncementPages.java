package fr.guichet.news;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.PlaceAudience;
import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.Refusal;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's announcements: the list with each one's sending, the form with its preview of how
 * many people it reaches, and each announcement's progress. The agency's staff only.
 */
@Controller
class AnnouncementPages {

    private static final int ESTABLISHMENTS_OFFERED = 5000;

    private final Announcements announcements;
    private final Accounts accounts;
    private final Organizations organizations;
    private final CorrespondentSites products;
    private final ServiceCatalogue services;
    private final PlaceAudience places;
    private final Clock clock;

    AnnouncementPages(
            Announcements announcements,
            Accounts accounts,
            Organizations organizations,
            CorrespondentSites products,
            ServiceCatalogue services,
            PlaceAudience places,
            Clock clock) {
        this.announcements = announcements;
        this.accounts = accounts;
        this.organizations = organizations;
        this.products = products;
        this.services = services;
        this.places = places;
        this.clock = clock;
    }

    @GetMapping("/agence/annonces")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("announcements", announcements.all(person.accountId(), 0, 100));
        return "news/admin-list";
    }

    @GetMapping("/agence/annonces/nouvelle")
    String form(@AuthenticationPrincipal SignedInPerson person, Locale locale, Model model) {
        accounts.requireStaff(person);
        model.addAttribute("form", AnnouncementForm.empty());
        return form(model, locale);
    }

    /** "Aperçu" counts the people it would reach and saves nothing; "Publier" records it. */
    @PostMapping("/agence/annonces/nouvelle")
    String submit(
            @AuthenticationPrincipal SignedInPerson person,
            @ModelAttribute("form") AnnouncementForm form,
            @RequestParam(name = "action", defaultValue = "apercu") String action,
            @RequestParam(name = "attachment", required = false) @Nullable MultipartFile attachment,
            Locale locale,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        accounts.requireStaff(person);
        try {
            var draft = form.draft(clock.getZone());
            if (!"publier".equals(action)) {
                model.addAttribute("reach", announcements.reach(person.accountId(), draft.target()));
                return form(model, locale);
            }
            var upload = attachment == null || attachment.isEmpty()
                    ? null
                    : new Announcements.Upload(attachment.getOriginalFilename(), attachment.getInputStream());
            var id = announcements.publish(person.accountId(), draft, upload);
            redirect.addFlashAttribute("published", true);
            return "redirect:/agence/annonces/" + id;
        } catch (AnnouncementRefusal | FileRefused refused) {
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", ((Refusal) refused).arguments());
            return form(model, locale);
        }
    }

    @GetMapping("/agence/annonces/{id}")
    String one(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        accounts.requireStaff(person);
        model.addAttribute(
                "announcement", announcements.find(person.accountId(), id).orElseThrow(NotFoundException::new));
        return "news/admin-item";
    }

    /** The progress bar alone, which the page asks for again while the sending goes on. */
    @GetMapping("/agence/annonces/{id}/progression")
    String progress(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        accounts.requireStaff(person);
        model.addAttribute(
                "announcement", announcements.find(person.accountId(), id).orElseThrow(NotFoundException::new));
        return "news/admin-item :: progress";
    }

    @PostMapping("/agence/annonces/{id}/retrait")
    String withdraw(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, RedirectAttributes redirect) {
        try {
            announcements.withdraw(person.accountId(), id);
            redirect.addFlashAttribute("withdrawn", true);
        } catch (AnnouncementRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/agence/annonces/" + id;
    }

    private String form(Model model, Locale locale) {
        model.addAttribute("kinds", AnnouncementKind.values());
        model.addAttribute("establishments", organizations.searchEstablishments("", ESTABLISHMENTS_OFFERED));
        model.addAttribute("products", products.activeProducts());
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute("placeGroups", places.choices(locale));
        model.addAttribute("services", services.all());
        return "news/form";
    }
}
