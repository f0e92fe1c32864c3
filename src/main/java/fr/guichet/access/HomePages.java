package fr.guichet.access;

import fr.guichet.account.ActingOrganization;
import fr.guichet.account.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page: an invitation to sign in or register, or the person's space with his favourite services. */
@Controller
class HomePages {

    private final Catalogue catalogue;
    private final ActingOrganization acting;

    HomePages(Catalogue catalogue, ActingOrganization acting) {
        this.catalogue = catalogue;
        this.acting = acting;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson person, Model model) {
        if (person != null) {
            model.addAttribute(
                    "favourites",
                    catalogue.forMember(person.accountId(), acting.current()).entries().stream()
                            .filter(Catalogue.Entry::favourite)
                            .toList());
        }
        return "home";
    }
}
