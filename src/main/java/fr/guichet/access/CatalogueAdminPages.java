package fr.guichet.access;

import fr.guichet.account.InterestDomain;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.NotFoundException;
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

/** The platform admins' catalogue: services, their domain and who decides access. */
@Controller
class CatalogueAdminPages {

    private final Catalogue catalogue;

    CatalogueAdminPages(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/administration/services")
    String list(Model model) {
        model.addAttribute("services", catalogue.all());
        return "access/admin-services";
    }

    @GetMapping("/administration/services/nouveau")
    String newService(Model model) {
        model.addAttribute("form", new ServiceDefinition(null, null, null, null, DecidedBy.SUPER_ADMINS, true));
        return form(model, null);
    }

    @PostMapping("/administration/services/nouveau")
    String create(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @ModelAttribute("form") ServiceDefinition form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            catalogue.create(person.accountId(), form);
        } catch (AccessRuleRefusal refusal) {
            result.rejectValue("code", refusal.messageKey(), refusal.arguments(), null);
            return form(model, null);
        }
        redirect.addFlashAttribute("saved", "catalogue-admin.created");
        return "redirect:/administration/services";
    }

    @GetMapping("/administration/services/{id}")
    String edit(@PathVariable("id") long id, Model model) {
        var service = catalogue.find(new ServiceId(id)).orElseThrow(NotFoundException::new);
        model.addAttribute(
                "form",
                new ServiceDefinition(
                        service.code(),
                        service.name(),
                        service.description(),
                        service.domain(),
                        service.decidedBy(),
                        service.active()));
        return form(model, service);
    }

    @PostMapping("/administration/services/{id}")
    String change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("form") ServiceDefinition form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var service = catalogue.find(new ServiceId(id)).orElseThrow(NotFoundException::new);
        if (result.hasErrors()) {
            return form(model, service);
        }
        catalogue.change(person.accountId(), service.id(), form);
        redirect.addFlashAttribute("saved", "catalogue-admin.changed");
        return "redirect:/administration/services";
    }

    private String form(Model model, ServiceView service) {
        model.addAttribute("service", service);
        model.addAttribute("domains", InterestDomain.values());
        model.addAttribute("deciders", DecidedBy.values());
        return "access/admin-service";
    }
}
