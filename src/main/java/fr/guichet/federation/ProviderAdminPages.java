package fr.guichet.federation;

import fr.guichet.account.CurrentPerson;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform admins' page of identity providers: added, changed, turned off and on, audited. */
@Controller
class ProviderAdminPages {

    static final String ROOT = "/administration/fournisseurs-identite";

    private final IdentityProviders providers;
    private final Organizations organizations;

    ProviderAdminPages(IdentityProviders providers, Organizations organizations) {
        this.providers = providers;
        this.organizations = organizations;
    }

    record ProviderForm(
            @Nullable Protocol protocol,
            @Nullable String name,
            @Nullable Long establishmentId,
            @Nullable String issuer,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String scopes,
            @Nullable String casServerUrl,
            @Nullable String samlEntityId,
            @Nullable String samlSsoUrl,
            @Nullable String samlCertificate) {

        static ProviderForm of(ProviderView p) {
            return new ProviderForm(
                    p.protocol(),
                    p.name(),
                    p.establishmentId(),
                    p.issuer(),
                    p.clientId(),
                    null,
                    p.scopes(),
                    p.casServerUrl(),
                    p.samlEntityId(),
                    p.samlSsoUrl(),
                    p.samlCertificate());
        }

        ProviderSettings settings(Protocol protocol) {
            return ProviderSettings.of(
                    protocol,
                    name,
                    establishmentId,
                    issuer,
                    clientId,
                    clientSecret,
                    scopes,
                    casServerUrl,
                    samlEntityId,
                    samlSsoUrl,
                    samlCertificate);
        }
    }

    @GetMapping(ROOT)
    String list(Model model) {
        model.addAttribute(
                "providers",
                providers.all().stream()
                        .map(p -> new Line(p, providers.establishmentName(p.establishmentId())))
                        .toList());
        model.addAttribute("protocols", Protocol.values());
        return "federation/providers";
    }

    record Line(ProviderView provider, @Nullable String establishment) {}

    @GetMapping(ROOT + "/nouveau")
    String newForm(@RequestParam(name = "protocole", defaultValue = "OIDC") String protocol, Model model) {
        var chosen = protocolOf(protocol);
        model.addAttribute(
                "form", new ProviderForm(chosen, null, null, null, null, null, null, null, null, null, null));
        return form(chosen, null, model);
    }

    @PostMapping(ROOT + "/nouveau")
    String create(
            @ModelAttribute("form") ProviderForm form,
            BindingResult result,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Model model) {
        var protocol = form.protocol() == null ? Protocol.OIDC : form.protocol();
        if (result.hasErrors()) {
            return form(protocol, null, model);
        }
        try {
            var id = providers.create(form.settings(protocol), CurrentPerson.id(), ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "federation.provider.created");
            return "redirect:" + ROOT + "/" + id;
        } catch (InvalidProvider invalid) {
            invalid.problems().forEach(p -> result.rejectValue(p.field(), p.code()));
            return form(protocol, null, model);
        }
    }

    @GetMapping(ROOT + "/{id}")
    String edit(@PathVariable long id, Model model) {
        var provider = providers.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("form", ProviderForm.of(provider));
        return form(provider.protocol(), provider, model);
    }

    @PostMapping(ROOT + "/{id}")
    String change(
            @PathVariable long id,
            @ModelAttribute("form") ProviderForm form,
            BindingResult result,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Model model) {
        var provider = providers.find(id).orElseThrow(NotFoundException::new);
        if (result.hasErrors()) {
            return form(provider.protocol(), provider, model);
        }
        try {
            providers.change(id, form.settings(provider.protocol()), CurrentPerson.id(), ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "federation.provider.changed");
            return "redirect:" + ROOT + "/" + id;
        } catch (InvalidProvider invalid) {
            invalid.problems().forEach(p -> result.rejectValue(p.field(), p.code()));
            return form(provider.protocol(), provider, model);
        }
    }

    @PostMapping(ROOT + "/{id}/activation")
    String switchOn(
            @PathVariable long id,
            @RequestParam(name = "enabled", defaultValue = "false") boolean enabled,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        providers.find(id).orElseThrow(NotFoundException::new);
        try {
            providers.switchOn(id, enabled, CurrentPerson.id(), ClientAddress.of(request));
            redirect.addFlashAttribute(
                    "saved", enabled ? "federation.provider.enabled" : "federation.provider.disabled");
        } catch (InvalidProvider configured) {
            redirect.addFlashAttribute("refused", "federation.provider.configured");
        }
        return "redirect:" + ROOT + "/" + id;
    }

    private String form(Protocol protocol, @Nullable ProviderView provider, Model model) {
        model.addAttribute("protocol", protocol);
        model.addAttribute("provider", provider);
        model.addAttribute(
                "establishments",
                organizations.searchEstablishments("", 5000).stream()
                        .sorted(java.util.Comparator.comparing(OrganizationView::name))
                        .toList());
        return "federation/provider";
    }

    private static Protocol protocolOf(String value) {
        try {
            return Protocol.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
