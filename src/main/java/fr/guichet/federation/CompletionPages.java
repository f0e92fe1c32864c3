package fr.guichet.federation;

import fr.guichet.account.Civility;
import fr.guichet.account.SessionSignIn;
import fr.guichet.account.SignInMethod;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.PersonName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The newcomer's one page: what his provider did not say (his civility always, his names when it
 * gave none usable), then his account exists and he is signed in.
 */
@Controller
class CompletionPages {

    private static final Pattern NAME = Pattern.compile("^\\p{L}[\\p{L}\\p{M} '’.\\-]{0,99}$");

    private final FederatedSignIns signIns;
    private final IdentityProviders providers;
    private final SessionSignIn sessions;

    CompletionPages(FederatedSignIns signIns, IdentityProviders providers, SessionSignIn sessions) {
        this.signIns = signIns;
        this.providers = providers;
        this.sessions = sessions;
    }

    record CompletionForm(
            @NotNull Civility civility,
            @PersonName @Nullable String lastName,
            @PersonName @Nullable String firstName) {}

    @GetMapping("/connexion/etablissement/completer")
    String form(HttpServletRequest request, Model model) {
        var newcomer = newcomer(request);
        if (newcomer == null) {
            return "redirect:/connexion/etablissement";
        }
        model.addAttribute("form", new CompletionForm(null, null, null));
        return page(newcomer, model);
    }

    @PostMapping("/connexion/etablissement/completer")
    String complete(
            @Valid @ModelAttribute("form") CompletionForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var newcomer = newcomer(request);
        if (newcomer == null) {
            return "redirect:/connexion/etablissement";
        }
        var identity = newcomer.identity();
        var lastName = usable(identity.familyName());
        var firstName = usable(identity.givenName());
        if (lastName == null && blank(form.lastName())) {
            result.rejectValue("lastName", "validation.required");
        }
        if (firstName == null && blank(form.firstName())) {
            result.rejectValue("firstName", "validation.required");
        }
        if (result.hasErrors()) {
            return page(newcomer, model);
        }
        java.util.Optional<fr.guichet.account.AccountId> welcomed;
        try {
            welcomed = signIns.welcome(
                    newcomer,
                    form.civility(),
                    lastName != null ? lastName : form.lastName().strip(),
                    firstName != null ? firstName : form.firstName().strip(),
                    locale,
                    ClientAddress.of(request));
        } catch (FederatedSignIns.WelcomeRaced raced) {
            welcomed = java.util.Optional.empty();
        }
        request.getSession().removeAttribute(FederatedLanding.NEWCOMER);
        if (welcomed.isEmpty()) {
            model.addAttribute("refusal", new Arrival.Refused("federation.refused.raced", newcomer.providerName()));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "federation/refused";
        }
        return "redirect:"
                + sessions.signIn(welcomed.get(), methodOf(newcomer), request, response)
                        .substring(request.getContextPath().length());
    }

    private SignInMethod methodOf(Newcomer newcomer) {
        var protocol = providers
                .find(newcomer.providerId())
                .map(ProviderView::protocol)
                .orElse(Protocol.OIDC);
        return SignInMethod.valueOf(protocol.name());
    }

    private String page(Newcomer newcomer, Model model) {
        var identity = newcomer.identity();
        model.addAttribute("providerName", newcomer.providerName());
        model.addAttribute("email", identity.email());
        model.addAttribute("givenLastName", usable(identity.familyName()));
        model.addAttribute("givenFirstName", usable(identity.givenName()));
        model.addAttribute("establishment", providers.establishmentName(newcomer.establishmentId()));
        model.addAttribute("civilities", Civility.values());
        return "federation/complete";
    }

    private static @Nullable Newcomer newcomer(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(FederatedLanding.NEWCOMER) instanceof Newcomer n ? n : null;
    }

    /** A name the provider gave that reads as one; anything else is asked of the person. */
    private static @Nullable String usable(@Nullable String name) {
        if (name == null) {
            return null;
        }
        var stripped = name.strip();
        return NAME.matcher(stripped).matches() ? stripped : null;
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
