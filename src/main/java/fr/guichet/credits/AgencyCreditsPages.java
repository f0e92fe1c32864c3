package fr.guichet.credits;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agents' view of every establishment's balance, from which they open one to credit it. */
@Controller
class AgencyCreditsPages {

    static final int SHOWN = 100;

    /** An establishment and its balance today. */
    public record Line(long id, String name, long balance) {}

    private final CreditsAccess access;
    private final Ledger ledger;
    private final Organizations organizations;

    AgencyCreditsPages(CreditsAccess access, Ledger ledger, Organizations organizations) {
        this.access = access;
        this.ledger = ledger;
        this.organizations = organizations;
    }

    @GetMapping("/agence/points")
    String establishments(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "q", required = false) @Nullable String words,
            Model model) {
        if (!access.agent(person.accountId())) {
            throw new AccessDeniedException("the agency's credits are its agents'");
        }
        var balances = ledger.establishmentBalances();
        var query = words == null ? "" : words.strip();
        model.addAttribute("q", query);
        model.addAttribute(
                "lines",
                organizations.searchEstablishments(query, SHOWN).stream()
                        .map(o -> new Line(o.id().value(), o.name(), balances.getOrDefault(o.id().value(), 0L)))
                        .toList());
        return "credits/agency";
    }
}
