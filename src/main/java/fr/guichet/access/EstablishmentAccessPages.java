package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The super admins' pages of their establishment: pending requests to decide, the access review,
 * and which services the establishment offers. Anyone else, the agency included, gets 404.
 */
@Controller
class EstablishmentAccessPages {

    /** A request or grant with the people and the service it concerns, as the lists show it. */
    public record Row(
            AccessRequestView request,
            PersonView requester,
            ServiceView service,
            boolean confirmedMember,
            String decidedByName) {}

    private final AccessRequests requests;
    private final Catalogue catalogue;
    private final EstablishmentCatalogue establishments;
    private final Accounts accounts;
    private final Organizations organizations;

    EstablishmentAccessPages(
            AccessRequests requests,
            Catalogue catalogue,
            EstablishmentCatalogue establishments,
            Accounts accounts,
            Organizations organizations) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.establishments = establishments;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @GetMapping("/organisations/{id}/demandes-acces")
    String pending(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var establishment = new OrganizationId(id);
        model.addAttribute("rows", rows(requests.pendingOf(person.accountId(), establishment), establishment));
        model.addAttribute("organization", organizations.find(establishment).orElseThrow(NotFoundException::new));
        return "access/decisions";
    }

    @PostMapping("/organisations/{id}/demandes-acces/{requestId}")
    String decide(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("requestId") long requestId,
            @RequestParam(name = "decision", defaultValue = "") String decision,
            @RequestParam(name = "commentaire", required = false) String comment,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        requests.requireSuperAdmin(person.accountId(), new OrganizationId(id));
        if (!decision.equals("accepter") && !decision.equals("refuser")) {
            redirect.addFlashAttribute("refusal", "decisions.choose");
        } else {
            decideAndSay(
                    () -> requests.decide(
                            person.accountId(),
                            new AccessRequestId(requestId),
                            accept(decision),
                            comment,
                            locale,
                            ClientAddress.of(request)),
                    redirect);
        }
        return "redirect:/organisations/" + id + "/demandes-acces";
    }

    @GetMapping("/organisations/{id}/habilitations")
    String review(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var establishment = new OrganizationId(id);
        model.addAttribute("rows", rows(requests.grantsOf(person.accountId(), establishment), establishment));
        model.addAttribute("organization", organizations.find(establishment).orElseThrow(NotFoundException::new));
        return "access/review";
    }

    @PostMapping("/organisations/{id}/habilitations")
    String reviewed(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "habilitation", required = false) List<Long> chosen,
            @RequestParam(name = "action", defaultValue = "") String action,
            Locale locale,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var establishment = new OrganizationId(id);
        requests.requireSuperAdmin(person.accountId(), establishment);
        if (!action.equals("confirmer") && !action.equals("retirer")) {
            redirect.addFlashAttribute("refusal", "access.review.action");
            return "redirect:/organisations/" + id + "/habilitations";
        }
        try {
            requests.review(
                    person.accountId(),
                    establishment,
                    chosen == null
                            ? List.of()
                            : chosen.stream().map(AccessRequestId::new).toList(),
                    action.equals("confirmer"),
                    locale,
                    ClientAddress.of(request));
            redirect.addFlashAttribute(
                    "saved", action.equals("confirmer") ? "access.review.confirmed" : "access.review.revoked");
        } catch (AccessRuleRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        } catch (OptimisticLockingFailureException simultaneous) {
            redirect.addFlashAttribute("refusal", "access.already-decided");
        }
        return "redirect:/organisations/" + id + "/habilitations";
    }

    @GetMapping("/organisations/{id}/services")
    String offered(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var establishment = new OrganizationId(id);
        requests.requireSuperAdmin(person.accountId(), establishment);
        if (!model.containsAttribute("tool")) {
            model.addAttribute("tool", ToolForm.empty());
        }
        return offeredPage(establishment, model);
    }

    @PostMapping("/organisations/{id}/services/{serviceId}/masquage")
    String hide(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("serviceId") long serviceId,
            @RequestParam(name = "masque", defaultValue = "true") boolean hidden,
            RedirectAttributes redirect) {
        var establishment = new OrganizationId(id);
        requests.requireSuperAdmin(person.accountId(), establishment);
        var service = catalogue.find(new ServiceId(serviceId)).orElseThrow(NotFoundException::new);
        establishments.hide(establishment, service.id(), hidden, person.accountId());
        redirect.addFlashAttribute("saved", hidden ? "establishment-services.hidden" : "establishment-services.shown");
        return "redirect:/organisations/" + id + "/services#service-" + serviceId;
    }

    @PostMapping("/organisations/{id}/outils")
    String addTool(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @ModelAttribute("tool") ToolForm tool,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        var establishment = new OrganizationId(id);
        requests.requireSuperAdmin(person.accountId(), establishment);
        if (result.hasErrors()) {
            return offeredPage(establishment, model);
        }
        try {
            establishments.addTool(establishment, tool, person.accountId());
        } catch (AccessRuleRefusal refusal) {
            result.reject(refusal.messageKey(), refusal.arguments(), null);
            return offeredPage(establishment, model);
        }
        redirect.addFlashAttribute("saved", "tools.added");
        return "redirect:/organisations/" + id + "/services";
    }

    @PostMapping("/organisations/{id}/outils/{toolId}/suppression")
    String removeTool(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("toolId") long toolId,
            RedirectAttributes redirect) {
        var establishment = new OrganizationId(id);
        requests.requireSuperAdmin(person.accountId(), establishment);
        if (!establishments.removeTool(establishment, toolId)) {
            throw new NotFoundException();
        }
        redirect.addFlashAttribute("saved", "tools.removed");
        return "redirect:/organisations/" + id + "/services";
    }

    private String offeredPage(OrganizationId establishment, Model model) {
        model.addAttribute("organization", organizations.find(establishment).orElseThrow(NotFoundException::new));
        model.addAttribute(
                "services", catalogue.all().stream().filter(ServiceView::active).toList());
        model.addAttribute("hidden", establishments.hidden(establishment));
        model.addAttribute("tools", establishments.tools(establishment));
        return "access/establishment-services";
    }

    private static boolean accept(String decision) {
        return "accepter".equals(decision);
    }

    static void decideAndSay(Supplier<AccessRequestView> decision, RedirectAttributes redirect) {
        try {
            var decided = decision.get();
            redirect.addFlashAttribute(
                    "saved", decided.status() == AccessStatus.ACCEPTED ? "decisions.accepted" : "decisions.refused");
        } catch (AccessRuleRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.messageKey());
        } catch (OptimisticLockingFailureException simultaneous) {
            redirect.addFlashAttribute("refusal", "access.already-decided");
        }
    }

    /** Each person and service looked up once, however many of his requests the list holds. */
    private List<Row> rows(List<AccessRequestView> views, OrganizationId establishment) {
        var people = new HashMap<AccountId, PersonView>();
        var confirmed = new HashMap<AccountId, Boolean>();
        var servicesSeen = new HashMap<ServiceId, ServiceView>();
        var names = new HashMap<AccountId, String>();
        return views.stream()
                .map(r -> new Row(
                        r,
                        people.computeIfAbsent(
                                r.requester(), p -> accounts.find(p).orElseThrow()),
                        servicesSeen.computeIfAbsent(
                                r.service(), s -> catalogue.find(s).orElseThrow()),
                        confirmed.computeIfAbsent(r.requester(), p -> requests.confirmedMember(p, establishment)),
                        r.decidedBy() == null
                                ? null
                                : names.computeIfAbsent(
                                        r.decidedBy(),
                                        d -> accounts.find(d)
                                                .map(PersonView::displayName)
                                                .orElse(""))))
                .toList();
    }
}
