package fr.guichet.access;

import fr.guichet.account.ActingOrganization;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Accéder aux services" → "Ajouter / Paramétrer les outils et services" (the catalogue, asking,
 * favourites) and "Mes outils et services" (what was granted).
 */
@Controller
class CataloguePages {

    private final Catalogue catalogue;
    private final AccessRequests requests;
    private final Favourites favourites;
    private final ActingOrganization acting;

    CataloguePages(Catalogue catalogue, AccessRequests requests, Favourites favourites, ActingOrganization acting) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.favourites = favourites;
        this.acting = acting;
    }

    @GetMapping("/services")
    String catalogue(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "domaines", defaultValue = "") String open,
            Model model) {
        model.addAttribute("catalogue", catalogue.forMember(person.accountId(), acting.current()));
        model.addAttribute("allOpen", "tous".equals(open));
        return "access/catalogue";
    }

    @PostMapping("/services/{id}/demande")
    String ask(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            var asked = requests.ask(
                    person.accountId(), new ServiceId(id), acting.current(), locale, ClientAddress.of(request));
            redirect.addFlashAttribute("notice", "access.asked." + asked.name());
        } catch (AccessRuleRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:/services#service-" + id;
    }

    @PostMapping("/services/{id}/favori")
    String favourite(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "favori", defaultValue = "true") boolean favourite,
            @RequestParam(name = "retour", defaultValue = "catalogue") String back) {
        var service =
                catalogue.find(new ServiceId(id)).filter(ServiceView::active).orElseThrow(NotFoundException::new);
        favourites.mark(person.accountId(), service.id(), favourite);
        return switch (back) {
            case "mes-services" -> "redirect:/mes-services#service-" + id;
            case "accueil" -> "redirect:/";
            default -> "redirect:/services#service-" + id;
        };
    }

    @GetMapping("/mes-services")
    String mine(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var forMember = catalogue.forMember(person.accountId(), acting.current());
        model.addAttribute(
                "granted",
                forMember.entries().stream()
                        .filter(Catalogue.Entry::granted)
                        .sorted(Comparator.comparing((Catalogue.Entry e) -> !e.favourite())
                                .thenComparing(e -> e.service().name(), String.CASE_INSENSITIVE_ORDER))
                        .toList());
        model.addAttribute("catalogue", forMember);
        return "access/mine";
    }
}
