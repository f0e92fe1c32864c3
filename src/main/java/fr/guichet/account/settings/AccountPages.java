package fr.guichet.account.settings;

import fr.guichet.account.Account;
import fr.guichet.account.Civility;
import fr.guichet.account.CurrentPerson;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.Membership;
import fr.guichet.account.security.PasswordChoice;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.Verbatim;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Mon compte": coordinates, sign-in credentials, preferences. */
@Controller
class AccountPages {

    private final AccountSettings settings;
    private final Organizations organizations;
    private final PasswordChoice passwordChoice;
    private final CurrentPassword currentPassword;

    private final Clock clock;

    AccountPages(
            AccountSettings settings,
            Organizations organizations,
            PasswordChoice passwordChoice,
            CurrentPassword currentPassword,
            Clock clock) {
        this.settings = settings;
        this.organizations = organizations;
        this.passwordChoice = passwordChoice;
        this.currentPassword = currentPassword;
        this.clock = clock;
    }

    record MembershipLine(String organization, boolean confirmed) {}

    /** The current password too: a session left open must not be enough to take the account away. */
    record EmailForm(String email, String currentPassword) {}

    record PasswordChangeForm(
            @Verbatim String current,
            @Verbatim String password,
            @Verbatim String confirmation) {}

    record PreferencesForm(Set<InterestDomain> interestDomains, Boolean newsletter, Boolean consent) {}

    @GetMapping("/compte")
    String coordinates(Model model) {
        var account = settings.get(CurrentPerson.id());
        model.addAttribute("form", CoordinatesForm.of(account.coordinates()));
        return coordinatesPage(account, model);
    }

    @PostMapping("/compte")
    String changeCoordinates(
            @Valid @ModelAttribute("form") CoordinatesForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return coordinatesPage(settings.get(CurrentPerson.id()), model);
        }
        settings.changeCoordinates(CurrentPerson.id(), form.coordinates(), ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "account.saved");
        return "redirect:/compte";
    }

    private String coordinatesPage(Account account, Model model) {
        var names = organizations
                .findAll(account.memberships().stream()
                        .map(m -> new OrganizationId(m.organizationId()))
                        .toList())
                .stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
        model.addAttribute(
                "memberships",
                account.memberships().stream()
                        .map(m -> new MembershipLine(
                                names.containsKey(m.organizationId())
                                        ? names.get(m.organizationId()).label()
                                        : "?",
                                m.status() == Membership.Status.CONFIRMED))
                        .toList());
        model.addAttribute("email", account.email().value());
        model.addAttribute(
                "lastSignIn",
                account.lastSignInAt() == null ? null : account.lastSignInAt().atZone(clock.getZone()));
        model.addAttribute("civilities", Civility.values());
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute("section", "coordinates");
        return "account/coordinates";
    }

    @GetMapping("/compte/identifiants")
    String credentials(Model model) {
        model.addAttribute("emailForm", new EmailForm(null, null));
        model.addAttribute("passwordForm", new PasswordChangeForm(null, null, null));
        return credentialsPage(model);
    }

    @PostMapping("/compte/email")
    String requestEmailChange(
            @ModelAttribute("emailForm") EmailForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (form.email() == null || form.email().isBlank()) {
            result.rejectValue("email", "validation.required");
        } else if (!EmailAddress.isValid(form.email())) {
            result.rejectValue("email", "validation.email");
        }
        currentPassword.check(
                CurrentPerson.id(), form.currentPassword(), ClientAddress.of(request), result, "currentPassword");
        if (result.hasErrors()) {
            model.addAttribute("passwordForm", new PasswordChangeForm(null, null, null));
            return credentialsPage(model);
        }
        settings.requestEmailChange(CurrentPerson.id(), new EmailAddress(form.email()), locale);
        redirect.addFlashAttribute("saved", "account.email.sent");
        redirect.addFlashAttribute("sentTo", EmailAddress.normalize(form.email()));
        return "redirect:/compte/identifiants";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(
            @ModelAttribute("passwordForm") PasswordChangeForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var id = CurrentPerson.id();
        currentPassword.check(id, form.current(), ClientAddress.of(request), result, "current");
        passwordChoice.check(form.password(), form.confirmation(), settings.get(id), result);
        if (result.hasErrors()) {
            model.addAttribute("emailForm", new EmailForm(null, null));
            return credentialsPage(model);
        }
        settings.changePassword(id, form.password(), request.getSession().getId(), ClientAddress.of(request));
        // and a new id for this session too: whoever held the old one is not carried along
        request.changeSessionId();
        redirect.addFlashAttribute("saved", "account.password.changed");
        return "redirect:/compte/identifiants";
    }

    private String credentialsPage(Model model) {
        model.addAttribute("email", settings.get(CurrentPerson.id()).email().value());
        model.addAttribute("minLength", passwordChoice.minLength());
        model.addAttribute("section", "credentials");
        return "account/credentials";
    }

    @GetMapping("/compte/email/confirmer")
    String confirmEmailChange(
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletRequest request) {
        var outcome = settings.confirmEmailChange(token, ClientAddress.of(request));
        if (outcome == AccountSettings.EmailChange.INVALID_LINK) {
            return "account/link-invalid";
        }
        model.addAttribute("outcome", outcome.name());
        return "account/email-confirmed";
    }

    @GetMapping("/compte/preferences")
    String preferences(Model model) {
        var account = settings.get(CurrentPerson.id());
        model.addAttribute(
                "form",
                new PreferencesForm(account.interestDomains(), account.newsletter(), account.consentVersion() != null));
        return preferencesPage(account, model);
    }

    @PostMapping("/compte/preferences")
    String choosePreferences(
            @ModelAttribute("form") PreferencesForm form, HttpServletRequest request, RedirectAttributes redirect) {
        var domains = form.interestDomains() == null || form.interestDomains().isEmpty()
                ? EnumSet.noneOf(InterestDomain.class)
                : EnumSet.copyOf(form.interestDomains());
        settings.choosePreferences(
                CurrentPerson.id(),
                domains,
                Boolean.TRUE.equals(form.newsletter()),
                Boolean.TRUE.equals(form.consent()),
                ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "account.saved");
        return "redirect:/compte/preferences";
    }

    private String preferencesPage(Account account, Model model) {
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute(
                "consentAt",
                account.consentAt() == null ? null : account.consentAt().atZone(clock.getZone()));
        model.addAttribute("section", "preferences");
        return "account/preferences";
    }
}
