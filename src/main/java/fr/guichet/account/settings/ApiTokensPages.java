package fr.guichet.account.settings;

import fr.guichet.account.CurrentPerson;
import fr.guichet.account.security.ApiTokens;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personal API tokens: created here, shown once, revoked here. */
@Controller
class ApiTokensPages {

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokensPages(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record TokenForm(String name) {}

    record TokenLine(long id, String name, ZonedDateTime createdAt, ZonedDateTime lastUsedAt, boolean active) {}

    @GetMapping("/compte/jetons")
    String list(Model model) {
        model.addAttribute("form", new TokenForm(null));
        return page(model);
    }

    @PostMapping("/compte/jetons")
    String create(
            @ModelAttribute("form") TokenForm form, BindingResult result, Model model, HttpServletRequest request) {
        var name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            result.rejectValue("name", "validation.required");
        } else if (name.length() > 80) {
            result.rejectValue("name", "validation.too-long");
        }
        if (result.hasErrors()) {
            return page(model);
        }
        var secret = tokens.create(CurrentPerson.id(), name, ClientAddress.of(request));
        if (secret.isEmpty()) {
            result.rejectValue("name", "token.too-many", new Object[] {ApiTokens.MAX_ACTIVE}, null);
            return page(model);
        }
        // shown on this response only: never stored, never shown again
        model.addAttribute("secret", secret.get());
        model.addAttribute("form", new TokenForm(null));
        return page(model);
    }

    @PostMapping("/compte/jetons/{id}/revocation")
    String revoke(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes redirect) {
        if (!tokens.revoke(CurrentPerson.id(), id, ClientAddress.of(request))) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "token.revoked");
        return "redirect:/compte/jetons";
    }

    private String page(Model model) {
        model.addAttribute(
                "tokens",
                tokens.of(CurrentPerson.id()).stream()
                        .map(t -> new TokenLine(
                                t.id(),
                                t.name(),
                                t.createdAt().atZone(clock.getZone()),
                                t.lastUsedAt() == null ? null : t.lastUsedAt().atZone(clock.getZone()),
                                t.active()))
                        .toList());
        model.addAttribute("section", "tokens");
        return "account/tokens";
    }
}
