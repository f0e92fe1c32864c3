package fr.guichet.audit;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The trail of an organisation and its subtree, for those who administer it: who, when, what. */
@Controller
class AuditPages {

    private static final int SHOWN = 200;

    private final AuditTrail trail;
    private final Delegation delegation;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Clock clock;

    AuditPages(AuditTrail trail, Delegation delegation, Organizations organizations, Accounts accounts, Clock clock) {
        this.trail = trail;
        this.delegation = delegation;
        this.organizations = organizations;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Line(
            ZonedDateTime at,
            String who,
            String action,
            String target,
            String organization,
            String details,
            String from) {}

    @GetMapping("/organisations/{id}/journal")
    @Transactional(readOnly = true)
    String journal(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = new OrganizationId(id);
        if (!delegation.administers(person.accountId(), organization)) {
            throw new NotFoundException();
        }
        var subtree = organizations.subtree(organization).stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));
        var entries = trail.findByActingOrganizationIdInOrderByIdDesc(subtree.keySet(), PageRequest.of(0, SHOWN));
        var people = new HashMap<Long, String>();
        var lines = entries.stream()
                .map(e -> new Line(
                        e.occurredAt().atZone(clock.getZone()),
                        e.actorAccountId() == null
                                ? "-"
                                : people.computeIfAbsent(
                                        e.actorAccountId(),
                                        a -> accounts.find(new AccountId(a))
                                                .map(PersonView::displayName)
                                                .orElse("#" + a)),
                        e.action(),
                        e.target(),
                        subtree.get(e.actingOrganizationId()).name(),
                        e.details(),
                        e.sourceAddress()))
                .toList();
        model.addAttribute("organization", subtree.get(id));
        model.addAttribute("lines", lines);
        return "audit/journal";
    }
}
