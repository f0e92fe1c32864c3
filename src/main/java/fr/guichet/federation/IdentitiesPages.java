package fr.guichet.federation;

import fr.guichet.account.CurrentPerson;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mon compte" › the identities he signs in with: those tied to his account, tying another (through
 * its provider, signed in), and untying one as long as a way in is left.
 */
@Controller
class IdentitiesPages {

    private final FederatedIdentities identities;
    private final IdentityProviders providers;
    private final Clock clock;

    IdentitiesPages(FederatedIdentities identities, IdentityProviders providers, Clock clock) {
        this.identities = identities;
        this.providers = providers;
        this.clock = clock;
    }

    @GetMapping("/compte/identites")
    String list(HttpServletRequest request, Model model) {
        var person = CurrentPerson.id();
        var session = request.getSession(false);
        if (session != null && session.getAttribute(FederatedLanding.REFUSAL) instanceof Arrival.Refused refusal) {
            session.removeAttribute(FederatedLanding.REFUSAL);
            model.addAttribute("refusal", refusal);
        }
        var linked = identities.of(person);
        model.addAttribute("identities", linked);
        model.addAttribute(
                "others",
                providers.allEnabled().stream()
                        .filter(p -> linked.stream().noneMatch(i -> i.providerId() == p.id()))
                        .toList());
        model.addAttribute("section", "identities");
        model.addAttribute("zone", clock.getZone());
        return "federation/identities";
    }

    @PostMapping("/compte/identites/fournisseurs/{providerId}")
    String link(@PathVariable long providerId, HttpServletRequest request) {
        var provider = providers.enabled(providerId).orElseThrow(NotFoundException::new);
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        request.getSession()
                .setAttribute(
                        FederatedLanding.LINKING,
                        new FederatedLanding.Linking(
                                CurrentPerson.id().value(), provider.id(), clock.instant(), signedIn));
        return "redirect:/connexion/etablissement/" + provider.id();
    }

    @PostMapping("/compte/identites/{id}/suppression")
    String unlink(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        if (!identities.unlink(CurrentPerson.id(), id, ClientAddress.of(request))) {
            redirect.addFlashAttribute("lastWayIn", true);
        } else {
            redirect.addFlashAttribute("saved", "federation.identities.unlinked");
        }
        return "redirect:/compte/identites";
    }
}
