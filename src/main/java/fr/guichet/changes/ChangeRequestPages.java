package fr.guichet.changes;

import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.Refusal;
import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The correspondent's space, his requests, and the agency's queue with its decisions. */
@Controller
class ChangeRequestPages {

    private final ChangeRequests changes;
    private final ChangeDecisions decisions;
    private final CorrespondentSpace space;
    private final CorrespondentSites reference;
    private final SpaceTickets tickets;

    ChangeRequestPages(
            ChangeRequests changes,
            ChangeDecisions decisions,
            CorrespondentSpace space,
            CorrespondentSites reference,
            SpaceTickets tickets) {
        this.changes = changes;
        this.decisions = decisions;
        this.space = space;
        this.reference = reference;
        this.tickets = tickets;
    }

    @GetMapping("/espace-correspondant")
    String space(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("sites", space.sitesOf(person.accountId()));
        model.addAttribute("requests", changes.mine(person.accountId()));
        model.addAttribute("establishments", space.establishmentsOf(person.accountId()));
        model.addAttribute("tickets", tickets.of(person.accountId()));
        return "changes/space";
    }

    @GetMapping("/espace-correspondant/version")
    String versionForm(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            Model model) {
        var site = space.site(person.accountId(), new OrganizationId(establishment), new ProductId(product));
        model.addAttribute("site", site);
        model.addAttribute("versions", reference.versions(site.product()));
        return "changes/version-form";
    }

    @PostMapping("/espace-correspondant/version")
    String askVersion(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam("etablissement") long establishment,
            @RequestParam("produit") long product,
            @RequestParam(name = "version", required = false) Long version,
            @RequestParam(name = "fichier", required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var site = space.site(person.accountId(), new OrganizationId(establishment), new ProductId(product));
        try {
            if (version == null) {
                throw new ChangeRefusal("changes.installed-version.unknown");
            }
            ChangeRequestId id;
            if (file == null || file.isEmpty()) {
                id = changes.askInstalledVersion(
                        person.accountId(), site.establishment(), site.product(), version, null);
            } else {
                try (var content = file.getInputStream()) {
                    id = changes.askInstalledVersion(
                            person.accountId(),
                            site.establishment(),
                            site.product(),
                            version,
                            new ChangeRequests.Upload(file.getOriginalFilename(), content));
                }
            }
            redirect.addFlashAttribute("saved", "changes.asked");
            return "redirect:/espace-correspondant/demandes/" + id.value();
        } catch (ChangeRefusal | FileRefused refused) {
            model.addAttribute("site", site);
            model.addAttribute("versions", reference.versions(site.product()));
            model.addAttribute("chosen", version);
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", refused.arguments());
            return "changes/version-form";
        }
    }

    @GetMapping("/espace-correspondant/demandes/{id}")
    String request(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        model.addAttribute("request", changes.find(person.accountId(), new ChangeRequestId(id)));
        model.addAttribute("agent", changes.isStaff(person.accountId()));
        return "changes/request";
    }

    @GetMapping("/espace-correspondant/demandes/{id}/fichier")
    ResponseEntity<Resource> proof(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id)
            throws IOException {
        var proof = changes.proof(person.accountId(), new ChangeRequestId(id));
        return FileResponses.attachment(
                proof.fileName(), proof.contentType(), proof.size(), proof.sha256(), proof.content());
    }

    @GetMapping("/agence/modifications")
    String queue(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "etablissement", required = false) Long establishment,
            @RequestParam(name = "objet", required = false) ChangeKind kind,
            @RequestParam(name = "page", defaultValue = "1") int page,
            Model model) {
        var queue = changes.queue(
                person.accountId(), establishment == null ? null : new OrganizationId(establishment), kind, page);
        model.addAttribute("queue", queue);
        model.addAttribute("requests", queue.requests());
        model.addAttribute("kinds", ChangeKind.values());
        return "changes/queue";
    }

    @PostMapping("/agence/modifications/{id}/validation")
    String validate(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, RedirectAttributes redirect) {
        try {
            var decided = decisions.validate(person.accountId(), new ChangeRequestId(id));
            redirect.addFlashAttribute(
                    "saved", decided.status() == ChangeStatus.VALIDATED ? "changes.validated" : "changes.outdated");
        } catch (Refusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return "redirect:/espace-correspondant/demandes/" + id;
    }

    @PostMapping("/agence/modifications/{id}/refus")
    String refuse(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "motif", required = false) String reason,
            RedirectAttributes redirect) {
        try {
            decisions.refuse(person.accountId(), new ChangeRequestId(id), reason);
            redirect.addFlashAttribute("saved", "changes.refused");
        } catch (Refusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/espace-correspondant/demandes/" + id;
    }
}
