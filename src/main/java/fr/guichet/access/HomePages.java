package fr.guichet.access;

import fr.guichet.account.ActingOrganization;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.HomeSection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's front page: an invitation to sign in or register, or the person's space with his favourite services. */
@Controller
class HomePages {

    private final Catalogue catalogue;
    private final ActingOrganization acting;
    private final List<HomeSection> sections;

    HomePages(Catalogue catalogue, ActingOrganization acting, List<HomeSection> sections) {
        this.catalogue = catalogue;
        this.acting = acting;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HomeSection::order))
                .toList();
    }

    /** A section of another module, and what it shows to this person. */
    record Shown(String template, Object content) {}

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInPerson person, Locale locale, Model model) {
        if (person != null) {
            model.addAttribute(
                    "sections",
                    sections.stream()
                            .flatMap(s -> s.content(person.accountId().value(), locale).stream()
                                    .map(c -> new Shown(s.template(), c)))
                            .toList());
            model.addAttribute(
                    "favourites",
                    catalogue.forMember(person.accountId(), acting.current()).entries().stream()
                            .filter(Catalogue.Entry::favourite)
                            .toList());
        }
        return "home";
    }
}
