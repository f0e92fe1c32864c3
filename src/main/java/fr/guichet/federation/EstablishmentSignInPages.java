package fr.guichet.federation;

import fr.guichet.shared.Accents;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Se connecter avec mon établissement": the chooser of one's establishment's provider (searched by
 * its name or its establishment's), the way to it, and the page that says why an answer let nobody in.
 */
@Controller
class EstablishmentSignInPages {

    private static final Logger log = LoggerFactory.getLogger(EstablishmentSignInPages.class);

    private final IdentityProviders providers;
    private final Map<Protocol, ProviderDoor> doors;

    EstablishmentSignInPages(IdentityProviders providers, List<ProviderDoor> doors) {
        this.providers = providers;
        this.doors = doors.stream().collect(Collectors.toMap(ProviderDoor::protocol, Function.identity()));
    }

    record Choice(long id, String name, @Nullable String establishment) {}

    @GetMapping("/connexion/etablissement")
    String chooser(@RequestParam(name = "q", required = false) @Nullable String words, Model model) {
        var wanted = folded(words);
        var enabled = providers.allEnabled();
        var names = providers.establishmentNames(enabled.stream()
                .map(ProviderView::establishmentId)
                .filter(java.util.Objects::nonNull)
                .toList());
        var choices = enabled.stream()
                .map(p -> new Choice(
                        p.id(), p.name(), p.establishmentId() == null ? null : names.get(p.establishmentId())))
                .filter(c -> wanted.isEmpty()
                        || folded(c.name()).contains(wanted)
                        || folded(c.establishment()).contains(wanted))
                .toList();
        model.addAttribute("choices", choices);
        model.addAttribute("q", words == null ? "" : words.strip());
        return "federation/chooser";
    }

    @GetMapping("/connexion/etablissement/{id}")
    String enter(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
        var provider = providers.enabled(id).orElseThrow(NotFoundException::new);
        var door = doors.get(provider.protocol());
        if (door == null) {
            throw new NotFoundException();
        }
        try {
            return "redirect:"
                    + door.entrance(provider, request)
                            .substring(request.getContextPath().length());
        } catch (ProviderDoor.ProviderUnavailable unavailable) {
            log.warn("identity provider {} ({}) unavailable: {}", id, provider.name(), unavailable.getMessage());
            model.addAttribute(
                    "refusal", new Arrival.Refused("federation.refused.provider-unavailable", provider.name()));
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return "federation/refused";
        }
    }

    @GetMapping("/connexion/etablissement/refus")
    String refused(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        var refusal = session == null ? null : session.getAttribute(FederatedLanding.REFUSAL);
        if (!(refusal instanceof Arrival.Refused)) {
            return "redirect:/connexion/etablissement";
        }
        session.removeAttribute(FederatedLanding.REFUSAL);
        model.addAttribute("refusal", refusal);
        return "federation/refused";
    }

    private static String folded(@Nullable String text) {
        var removed = Accents.removed(text == null ? "" : text.strip());
        return removed == null ? "" : removed.toLowerCase(Locale.ROOT);
    }
}
