package fr.guichet.account.settings;

import fr.guichet.account.Accounts;
import fr.guichet.account.AssociatedMembership;
import fr.guichet.account.Associations;
import fr.guichet.account.CurrentPerson;
import fr.guichet.account.MembershipId;
import fr.guichet.account.MembershipRefusal;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Seed 002's "Mes comptes associés": the person's principal and secondary memberships, asking to be
 * associated with one more establishment, choosing his principal, and leaving one after reading what
 * he loses. Every membership id in a path is looked up among his own: another's is not found.
 */
@Controller
class AssociatedAccountsPages {

    static final String PAGE = "/compte/comptes-associes";
    private static final int ESTABLISHMENTS_SHOWN = 20;

    record Line(AssociatedMembership membership, String organization, String establishment) {}

    private final Associations associations;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Clock clock;

    AssociatedAccountsPages(Associations associations, Accounts accounts, Organizations organizations, Clock clock) {
        this.associations = associations;
        this.accounts = accounts;
        this.organizations = organizations;
        this.clock = clock;
    }

    @GetMapping(PAGE)
    String page(
            @RequestParam(name = "q", required = false) @Nullable String words,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var mine = associations.of(CurrentPerson.id());
        var theirs = mine.stream().map(m -> m.organization().value()).collect(Collectors.toSet());
        model.addAttribute("q", words);
        model.addAttribute("establishments", joinable(words, theirs));
        if (htmx != null) {
            return "account/associated-accounts :: results";
        }
        var views = organizations.findAll(
                mine.stream().map(AssociatedMembership::organization).toList());
        model.addAttribute(
                "lines",
                mine.stream()
                        .map(m -> {
                            var view = views.stream()
                                    .filter(v -> v.id().equals(m.organization()))
                                    .findFirst()
                                    .orElse(null);
                            return new Line(m, label(view), establishmentOf(view));
                        })
                        .toList());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("section", "associations");
        return "account/associated-accounts";
    }

    @PostMapping(PAGE + "/demandes")
    String ask(
            @RequestParam(name = "organization", required = false) @Nullable Long organization,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        if (organization == null) {
            redirect.addFlashAttribute("refusal", "associations.choose");
            return "redirect:" + PAGE;
        }
        try {
            var id = new OrganizationId(organization);
            accounts.askToJoin(CurrentPerson.id(), id, ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "associations.asked");
            redirect.addFlashAttribute(
                    "savedArgument", label(organizations.find(id).orElse(null)));
        } catch (MembershipRefusal refusal) {
            refused(refusal, redirect);
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{id}/principal")
    String makePrincipal(@PathVariable("id") long membership, RedirectAttributes redirect) {
        var departure = associations
                .departure(CurrentPerson.id(), new MembershipId(membership))
                .orElseThrow(NotFoundException::new);
        if (associations.makePrincipal(CurrentPerson.id(), new MembershipId(membership))) {
            redirect.addFlashAttribute("saved", "associations.principal.chosen");
            redirect.addFlashAttribute(
                    "savedArgument",
                    label(organizations.find(departure.organization()).orElse(null)));
        } else {
            redirect.addFlashAttribute("refusal", "associations.principal.not-confirmed");
        }
        return "redirect:" + PAGE;
    }

    @GetMapping(PAGE + "/{id}/depart")
    String departure(@PathVariable("id") long membership, Model model) {
        var departure = associations
                .departure(CurrentPerson.id(), new MembershipId(membership))
                .orElseThrow(NotFoundException::new);
        model.addAttribute("departure", departure);
        model.addAttribute(
                "organization",
                label(organizations.find(departure.organization()).orElse(null)));
        model.addAttribute("section", "associations");
        return "account/leave-membership";
    }

    @PostMapping(PAGE + "/{id}/depart")
    String leave(@PathVariable("id") long membership, HttpServletRequest request, RedirectAttributes redirect) {
        var id = new MembershipId(membership);
        var departure = associations.departure(CurrentPerson.id(), id).orElseThrow(NotFoundException::new);
        try {
            associations.leave(CurrentPerson.id(), id, ClientAddress.of(request));
            redirect.addFlashAttribute(
                    "saved", departure.withdrawal() ? "associations.withdrawn" : "associations.left");
            redirect.addFlashAttribute(
                    "savedArgument",
                    label(organizations.find(departure.organization()).orElse(null)));
        } catch (MembershipRefusal refusal) {
            refused(refusal, redirect);
        }
        return "redirect:" + PAGE;
    }

    private List<OrganizationView> joinable(@Nullable String words, Set<Long> theirs) {
        return organizations.searchEstablishments(words == null ? "" : words, ESTABLISHMENTS_SHOWN).stream()
                .filter(o -> !theirs.contains(o.id().value()))
                .toList();
    }

    private String establishmentOf(@Nullable OrganizationView view) {
        if (view == null || view.establishment()) {
            return label(view);
        }
        return label(organizations.find(view.establishmentId()).orElse(null));
    }

    private static String label(@Nullable OrganizationView view) {
        return view == null ? "" : view.label();
    }

    private static void refused(MembershipRefusal refusal, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refusal", refusal.messageKey());
        redirect.addFlashAttribute("refusalArgument", refusal.arguments().length == 0 ? "" : refusal.arguments()[0]);
    }
}
