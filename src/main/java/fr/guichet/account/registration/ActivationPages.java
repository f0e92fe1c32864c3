package fr.guichet.account.registration;

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

/** The verification link: the person chooses his password, which activates the account. */
@Controller
class ActivationPages {

    private final Registrations registrations;
    private final PasswordChoice passwordChoice;

    ActivationPages(Registrations registrations, PasswordChoice passwordChoice) {
        this.registrations = registrations;
        this.passwordChoice = passwordChoice;
    }

    @GetMapping("/activation")
    String form(@RequestParam(name = "jeton", required = false) String token, Model model) {
        if (!registrations.activationLinkUsable(token)) {
            return "account/link-invalid";
        }
        model.addAttribute("form", new PasswordForm(token, null, null));
        model.addAttribute("minLength", passwordChoice.minLength());
        return "account/activate";
    }

    @PostMapping("/activation")
    String activate(
            @ModelAttribute("form") PasswordForm form, BindingResult result, Model model, HttpServletRequest request) {
        var owner = registrations.accountOfActivationLink(form.jeton());
        if (owner.isEmpty()) {
            return "account/link-invalid";
        }
        passwordChoice.check(form.password(), form.confirmation(), owner.get(), result);
        if (result.hasErrors()) {
            model.addAttribute("minLength", passwordChoice.minLength());
            return "account/activate";
        }
        if (!registrations.activate(form.jeton(), form.password(), ClientAddress.of(request))) {
            return "account/link-invalid";
        }
        return "redirect:/connexion?active";
    }
}
