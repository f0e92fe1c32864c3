package fr.guichet.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page: an invitation to sign in or register, or the person's space. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
