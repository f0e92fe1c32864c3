package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The header's switch between a person's memberships. */
@Controller
class ActingOrganizationSwitch {

    private final ActingOrganization acting;

    ActingOrganizationSwitch(ActingOrganization acting) {
        this.acting = acting;
    }

    @PostMapping("/compte/organisation-active")
    String choose(@RequestParam("organization") long organization,
            @RequestParam(name = "back", required = false) String back, HttpSession session) {
        if (!acting.choose(CurrentPerson.id(), new OrganizationId(organization), session)) {
            throw new fr.guichet.shared.NotFoundException();
        }
        // back to the page he was on, never to another site
        var local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/compte");
    }
}
