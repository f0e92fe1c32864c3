package fr.guichet.account.security;

import fr.guichet.account.EstablishmentSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST (see SecurityConfiguration). */
@Controller
class SignInPages {

    private final ObjectProvider<EstablishmentSignIn> establishmentSignIn;

    SignInPages(ObjectProvider<EstablishmentSignIn> establishmentSignIn) {
        this.establishmentSignIn = establishmentSignIn;
    }

    @GetMapping("/connexion")
    String signIn(Model model) {
        model.addAttribute("establishmentSignIn", establishmentSignIn.stream().anyMatch(EstablishmentSignIn::offered));
        return "account/sign-in";
    }
}
