package fr.guichet.helpdesk.search;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.Nature;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.HashMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Mes demandes", the establishment's dashboard and the agent's dashboard. */
@Controller
class TicketDashboardPages {

    private final TicketDashboards dashboards;
    private final AgentDashboard agentDashboard;
    private final Organizations organizations;

    TicketDashboardPages(TicketDashboards dashboards, AgentDashboard agentDashboard, Organizations organizations) {
        this.dashboards = dashboards;
        this.agentDashboard = agentDashboard;
        this.organizations = organizations;
    }

    @GetMapping("/demandes")
    String requester(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("groups", dashboards.requester(person.accountId()));
        model.addAttribute("yours", true);
        model.addAttribute("listed", DashboardQueries.LISTED);
        return "helpdesk/dashboard";
    }

    @GetMapping("/demandes/etablissement")
    String establishment(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var establishments = dashboards.establishments(person.accountId());
        var names = new HashMap<Long, String>();
        establishments.forEach(e -> names.put(
                e.establishmentId(),
                organizations
                        .find(new OrganizationId(e.establishmentId()))
                        .map(o -> o.name())
                        .orElse("")));
        model.addAttribute("establishments", establishments);
        model.addAttribute("names", names);
        model.addAttribute("natures", Nature.values());
        return "helpdesk/establishment";
    }

    @GetMapping("/agence/demandes")
    String agent(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var dashboard = agentDashboard.of(person.accountId());
        if (dashboard == null) {
            throw new AccessDeniedException("the helpdesk dashboard is for the agency's staff");
        }
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("natures", Nature.values());
        model.addAttribute("listed", DashboardQueries.LISTED);
        return "helpdesk/agent";
    }
}
