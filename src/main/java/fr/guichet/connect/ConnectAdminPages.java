package fr.guichet.connect;

import fr.guichet.access.ServiceId;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform admins' page of connected services, beside the catalogue's: a service registered as an
 * OIDC client, its secrets shown once (at registration and at each rotation), its disabling.
 */
@Controller
class ConnectAdminPages {

    private static final String BASE = "/administration/services-connectes";

    private final ConnectedServices services;

    ConnectAdminPages(ConnectedServices services) {
        this.services = services;
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("rows", services.overview());
        return "connect/admin-list";
    }

    @GetMapping(BASE + "/{serviceId}")
    String show(@PathVariable("serviceId") long serviceId, Model model) {
        model.addAttribute("form", ClientForm.empty());
        return page(serviceId, model);
    }

    @PostMapping(BASE + "/{serviceId}")
    String register(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("serviceId") long serviceId,
            @Valid @ModelAttribute("form") ClientForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request) {
        if (!result.hasErrors()) {
            form.problems()
                    .forEach(p -> result.rejectValue(
                            p.field(), p.messageKey(), new Object[] {p.address(), ClientForm.MAX_ADDRESSES}, null));
        }
        if (result.hasErrors()) {
            return page(serviceId, model);
        }
        try {
            var secrets =
                    services.register(person.accountId(), new ServiceId(serviceId), form, ClientAddress.of(request));
            // on this response only: the client secret is kept hashed, never shown again
            model.addAttribute("secrets", secrets);
            model.addAttribute("saved", "connect.registered");
        } catch (ConnectRefusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
        }
        return page(serviceId, model);
    }

    @PostMapping(BASE + "/{serviceId}/secrets")
    String rotate(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("serviceId") long serviceId,
            Model model,
            HttpServletRequest request) {
        model.addAttribute("form", ClientForm.empty());
        try {
            model.addAttribute(
                    "secrets",
                    services.rotateSecrets(person.accountId(), new ServiceId(serviceId), ClientAddress.of(request)));
            model.addAttribute("saved", "connect.rotated");
        } catch (ConnectRefusal refusal) {
            model.addAttribute("refusal", refusal.messageKey());
        }
        return page(serviceId, model);
    }

    @PostMapping(BASE + "/{serviceId}/desactivation")
    String disable(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("serviceId") long serviceId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            services.disable(person.accountId(), new ServiceId(serviceId), ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "connect.disabled.done");
        } catch (ConnectRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        }
        return "redirect:" + BASE + "/" + serviceId;
    }

    private String page(long serviceId, Model model) {
        model.addAttribute("row", services.find(new ServiceId(serviceId)));
        model.addAttribute("optionalScopes", ClientForm.OPTIONAL_SCOPES);
        return "connect/admin-service";
    }
}
