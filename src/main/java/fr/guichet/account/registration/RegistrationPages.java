package fr.guichet.account.registration;

import fr.guichet.account.Civility;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.EstablishmentSignIn;
import fr.guichet.account.InterestDomain;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.groups.Default;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Self-registration in three steps: e-mail, establishment, details. Each step is a
 * page of its own; the draft lives in the session until the last step creates the account.
 */
@Controller
class RegistrationPages {

    private static final int ESTABLISHMENTS_SHOWN = 20;

    private final Organizations organizations;
    private final Registrations registrations;
    private final SmartValidator validator;

    private final ObjectProvider<EstablishmentSignIn> establishmentSignIn;

    RegistrationPages(
            Organizations organizations,
            Registrations registrations,
            SmartValidator validator,
            ObjectProvider<EstablishmentSignIn> establishmentSignIn) {
        this.organizations = organizations;
        this.registrations = registrations;
        this.validator = validator;
        this.establishmentSignIn = establishmentSignIn;
    }

    record EmailForm(String email) {}

    @GetMapping("/inscription")
    String emailStep(HttpSession session, Model model) {
        var draft = draft(session);
        model.addAttribute("form", new EmailForm(draft.email));
        return "account/register-email";
    }

    @PostMapping("/inscription")
    String submitEmail(@ModelAttribute("form") EmailForm form, BindingResult result, HttpSession session, Model model) {
        if (form.email() == null || form.email().isBlank()) {
            result.rejectValue("email", "validation.required");
        } else if (!EmailAddress.isValid(form.email())) {
            result.rejectValue("email", "validation.email");
        }
        if (result.hasErrors()) {
            return "account/register-email";
        }
        var draft = draft(session);
        var email = EmailAddress.normalize(form.email());
        // seed 003's rule: a member of an establishment that signs its people in uses that, not a password
        var door = establishmentSignIn.stream()
                .flatMap(s -> s.forEmailDomain(new EmailAddress(email).domain()).stream())
                .findFirst();
        if (door.isPresent()) {
            model.addAttribute("door", door.get());
            return "account/register-email";
        }
        if (!email.equals(draft.email)) {
            draft.email = email;
            draft.establishmentChosen = false;
            draft.organizationId = null;
        }
        session.setAttribute(RegistrationDraft.SESSION_KEY, draft);
        return "redirect:/inscription/etablissement";
    }

    @GetMapping("/inscription/etablissement")
    String establishmentStep(
            @RequestParam(name = "q", required = false) String words,
            HttpSession session,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        var draft = draft(session);
        if (draft.email == null) {
            return "redirect:/inscription";
        }
        var suggested = organizations.establishmentOwningEmailDomain(new EmailAddress(draft.email).domain());
        model.addAttribute("q", words);
        model.addAttribute("establishments", establishments(words, suggested.orElse(null), draft));
        model.addAttribute("suggested", suggested.orElse(null));
        model.addAttribute("selected", selected(draft, suggested.orElse(null)));
        // htmx search: only the list of results is replaced
        return htmx != null ? "account/register-establishment :: results" : "account/register-establishment";
    }

    @PostMapping("/inscription/etablissement")
    String submitEstablishment(
            @RequestParam(name = "establishment", required = false) String choice, HttpSession session, Model model) {
        var draft = draft(session);
        if (draft.email == null) {
            return "redirect:/inscription";
        }
        if ("none".equals(choice)) {
            draft.organizationId = null;
        } else {
            var organization = parse(choice)
                    .flatMap(id -> organizations.find(new OrganizationId(id)))
                    .filter(OrganizationView::establishment);
            if (organization.isEmpty()) {
                model.addAttribute("choiceError", "validation.establishment");
                return establishmentStep(null, session, model, null);
            }
            draft.organizationId = organization.get().id().value();
        }
        draft.establishmentChosen = true;
        session.setAttribute(RegistrationDraft.SESSION_KEY, draft);
        return "redirect:/inscription/coordonnees";
    }

    @GetMapping("/inscription/coordonnees")
    String detailsStep(HttpSession session, Model model) {
        var draft = draft(session);
        if (draft.email == null || !draft.establishmentChosen) {
            return "redirect:/inscription";
        }
        model.addAttribute("form", draft.details != null ? draft.details : DetailsForm.empty());
        return detailsPage(draft, model);
    }

    @PostMapping("/inscription/coordonnees")
    String submitDetails(
            @ModelAttribute("form") DetailsForm form,
            BindingResult result,
            HttpSession session,
            Model model,
            HttpServletRequest request,
            Locale locale) {
        var draft = draft(session);
        if (draft.email == null || !draft.establishmentChosen) {
            return "redirect:/inscription";
        }
        if (draft.external()) {
            validator.validate(form, result, Default.class);
        } else {
            validator.validate(form, result, Default.class, MemberOnly.class);
        }
        draft.details = form;
        session.setAttribute(RegistrationDraft.SESSION_KEY, draft);
        if (result.hasErrors()) {
            return detailsPage(draft, model);
        }
        var registration = new NewRegistration(
                new EmailAddress(draft.email),
                draft.organizationId,
                form.coordinates(draft.external()),
                draft.external() ? Set.of() : form.chosenDomains(),
                !draft.external() && Boolean.TRUE.equals(form.newsletter()),
                !draft.external() && Boolean.TRUE.equals(form.consent()),
                locale);
        try {
            registrations.register(registration, ClientAddress.of(request));
        } catch (DataIntegrityViolationException raced) {
            // the same address registered a moment ago in another request: that one stands, and
            // answering as usual keeps the portal from saying the address is known
        }
        session.removeAttribute(RegistrationDraft.SESSION_KEY);
        session.setAttribute("guichet.registration.sentTo", draft.email);
        return "redirect:/inscription/envoyee";
    }

    @GetMapping("/inscription/envoyee")
    String sent(HttpSession session, Model model) {
        model.addAttribute("email", session.getAttribute("guichet.registration.sentTo"));
        return "account/register-sent";
    }

    private String detailsPage(RegistrationDraft draft, Model model) {
        model.addAttribute("external", draft.external());
        model.addAttribute("civilities", Civility.values());
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute(
                "establishment",
                draft.organizationId == null
                        ? null
                        : organizations
                                .find(new OrganizationId(draft.organizationId))
                                .orElse(null));
        return "account/register-details";
    }

    private List<OrganizationView> establishments(String words, OrganizationView suggested, RegistrationDraft draft) {
        var found = organizations.searchEstablishments(words, ESTABLISHMENTS_SHOWN);
        var shown = new ArrayList<OrganizationView>();
        // the suggestion and the earlier choice stay visible whatever the search shows
        if (suggested != null) {
            shown.add(suggested);
        }
        if (draft.organizationId != null) {
            organizations
                    .find(new OrganizationId(draft.organizationId))
                    .filter(o -> !shown.contains(o))
                    .ifPresent(shown::add);
        }
        found.stream().filter(o -> !shown.contains(o)).forEach(shown::add);
        return shown;
    }

    private static String selected(RegistrationDraft draft, OrganizationView suggested) {
        if (draft.establishmentChosen) {
            return draft.organizationId == null ? "none" : draft.organizationId.toString();
        }
        return suggested == null ? null : Long.toString(suggested.id().value());
    }

    private static Optional<Long> parse(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static RegistrationDraft draft(HttpSession session) {
        var draft = session.getAttribute(RegistrationDraft.SESSION_KEY);
        return draft instanceof RegistrationDraft existing ? existing : new RegistrationDraft();
    }
}
