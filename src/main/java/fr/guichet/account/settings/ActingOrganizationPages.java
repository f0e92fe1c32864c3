package fr.guichet.account.settings;

import fr.guichet.account.ActingOrganization;
import fr.guichet.account.CurrentPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpSession;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The header's switch between a person's memberships. */
@Controller
class ActingOrganizationPages {

    /**
     * A path of this site as the header writes it (the page's path and query, as the browser sent
     * them): printable ASCII only, so no line break reaches the Location header and no tab or
     * backslash that a browser would drop or turn into "//another.site".
     */
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[!-~&&[^\\\\]]*");

    private final ActingOrganization acting;

    ActingOrganizationPages(ActingOrganization acting) {
        this.acting = acting;
    }

    @PostMapping("/compte/organisation-active")
    RedirectView choose(
            @RequestParam("organization") long organization,
            @RequestParam(name = "back", required = false) String back,
            HttpSession session) {
        if (!acting.choose(CurrentPerson.id(), new OrganizationId(organization), session)) {
            throw new NotFoundException();
        }
        var view = new RedirectView(back != null && LOCAL.matcher(back).matches() ? back : "/compte", true);
        // a page's query may hold braces ("?q={x}"): they are his words, not variables to fill
        view.setExpandUriTemplateVariables(false);
        return view;
    }
}
