package fr.guichet.account.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST (see SecurityConfiguration). */
@Controller
class SignInPages {

    @GetMapping("/connexion")
    String signIn() {
        return "account/sign-in";
    }
}
