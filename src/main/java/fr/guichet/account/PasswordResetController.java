package fr.guichet.account;

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
class PasswordResetController {

    private final PasswordResets resets;
    private final PasswordChoice passwordChoice;

    PasswordResetController(PasswordResets resets, PasswordChoice passwordChoice) {
        this.resets = resets;
        this.passwordChoice = passwordChoice;
    }

    record ForgottenForm(String email) {
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
        if (resets.accountOfLink(token).isEmpty()) {
            return "account/link-invalid";
        }
        model.addAttribute("form", new PasswordForm(token, null, null));
        model.addAttribute("minLength", passwordChoice.minLength());
        return "account/password-new";
    }

    @PostMapping("/mot-de-passe/nouveau")
    String reset(@ModelAttribute("form") PasswordForm form, BindingResult result, Model model, HttpServletRequest request) {
        var owner = resets.accountOfLink(form.jeton());
        if (owner.isEmpty()) {
            return "account/link-invalid";
        }
        passwordChoice.check(form.password(), form.confirmation(), owner.get(), result);
        if (result.hasErrors()) {
            model.addAttribute("minLength", passwordChoice.minLength());
            return "account/password-new";
        }
        if (!resets.reset(form.jeton(), form.password(), ClientAddress.of(request))) {
            return "account/link-invalid";
        }
        return "redirect:/connexion?reinitialise";
    }
}
