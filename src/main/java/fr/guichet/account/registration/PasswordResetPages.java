package fr.guichet.account.registration;

import fr.guichet.account.Account;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.security.PasswordChoice;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class PasswordResetPages {

    private final PasswordResets resets;
    private final PasswordChoice passwordChoice;

    PasswordResetPages(PasswordResets resets, PasswordChoice passwordChoice) {
        this.resets = resets;
        this.passwordChoice = passwordChoice;
    }

    record ForgottenForm(String email) {}

    /**
     * The new password typed twice, with the link that allows choosing it. An unticked box sends
     * only its marker (false); a form that never showed the box (null) revokes, the default.
     */
    record ResetForm(String jeton, String password, String confirmation, Boolean revokeApiTokens) {

        boolean revokes() {
            return !Boolean.FALSE.equals(revokeApiTokens);
        }
    }

    @GetMapping("/mot-de-passe-oublie")
    String forgotten(Model model) {
        model.addAttribute("form", new ForgottenForm(null));
        return "account/password-forgotten";
    }

    @PostMapping("/mot-de-passe-oublie")
    String requestReset(@ModelAttribute("form") ForgottenForm form, BindingResult result) {
        if (form.email() == null || form.email().isBlank()) {
            result.rejectValue("email", "validation.required");
            return "account/password-forgotten";
        }
        if (!EmailAddress.isValid(form.email())) {
            result.rejectValue("email", "validation.email");
            return "account/password-forgotten";
        }
        resets.request(form.email());
        // the same page whether the address has an account or not
        return "account/password-reset-sent";
    }

    @GetMapping("/mot-de-passe/nouveau")
    String newPassword(@RequestParam(name = "jeton", required = false) String token, Model model) {
        var owner = resets.accountOfLink(token);
        if (owner.isEmpty()) {
            return "account/link-invalid";
        }
        model.addAttribute("form", new ResetForm(token, null, null, true));
        return page(owner.get(), model);
    }

    private String page(Account owner, Model model) {
        model.addAttribute("minLength", passwordChoice.minLength());
        model.addAttribute("hasApiTokens", resets.hasApiTokens(owner));
        return "account/password-new";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String reset(
            @ModelAttribute("form") ResetForm form, BindingResult result, Model model, HttpServletRequest request) {
        var owner = resets.accountOfLink(form.jeton());
        if (owner.isEmpty()) {
            return "account/link-invalid";
        }
        passwordChoice.check(form.password(), form.confirmation(), owner.get(), result);
        if (result.hasErrors()) {
            return page(owner.get(), model);
        }
        if (!resets.reset(form.jeton(), form.password(), form.revokes(), ClientAddress.of(request))) {
            return "account/link-invalid";
        }
        return "redirect:/connexion?reinitialise";
    }
}
