package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.ActingOrganization;
import fr.guichet.account.PersonView;
import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.documents.StoredFile;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.Publication;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.reference.Category;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.RequiredField;
import fr.guichet.helpdesk.tickets.LevelTwoFiling;
import fr.guichet.helpdesk.tickets.TicketAttachments;
import fr.guichet.helpdesk.tickets.TicketBookmarks;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.NotFoundException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
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

/** "Mes demandes", filing a request in a category, and a ticket's page with the acts its reader may do. */
@Controller
class TicketPages {

    private final Tickets tickets;
    private final HelpdeskReference reference;
    private final LevelTwoFiling levelTwo;
    private final Accounts accounts;
    private final Organizations organizations;
    private final ActingOrganization acting;
    private final TicketAttachments attachments;
    private final DueDates dueDates;
    private final TicketBookmarks bookmarks;

    TicketPages(
            Tickets tickets,
            HelpdeskReference reference,
            LevelTwoFiling levelTwo,
            Accounts accounts,
            Organizations organizations,
            ActingOrganization acting,
            TicketAttachments attachments,
            DueDates dueDates,
            TicketBookmarks bookmarks) {
        this.bookmarks = bookmarks;
        this.attachments = attachments;
        this.dueDates = dueDates;
        this.tickets = tickets;
        this.reference = reference;
        this.levelTwo = levelTwo;
        this.accounts = accounts;
        this.organizations = organizations;
        this.acting = acting;
    }

    @GetMapping("/demandes/nouvelle")
    String categories(@AuthenticationPrincipal SignedInPerson person, Model model) {
        var member = !accounts.organizationsOf(person.accountId()).isEmpty();
        model.addAttribute("categories", reference.categoriesFor(person.accountId(), member));
        return "helpdesk/categories";
    }

    @GetMapping("/demandes/nouvelle/{category}")
    String form(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("category") long categoryId, Model model) {
        var member = !accounts.organizationsOf(person.accountId()).isEmpty();
        var category = reference.categoriesFor(person.accountId(), member).stream()
                .filter(c -> c.id() == categoryId)
                .findFirst()
                .orElseThrow(NotFoundException::new);
        model.addAttribute("category", category);
        model.addAttribute("guidance", category.guidance());
        model.addAttribute("guidanceDismissed", reference.guidanceDismissed(person.accountId(), category.id()));
        model.addAttribute(
                "productGuidance",
                category.productId() == null
                        ? null
                        : reference
                                .productGuidance(new ProductId(category.productId()))
                                .orElse(null));
        if (category.filedByCorrespondents()) {
            try {
                model.addAttribute(
                        "eligibility",
                        levelTwo.check(person.accountId(), establishment(), new ProductId(category.productId())));
            } catch (FilingRefused refused) {
                model.addAttribute("refusal", refused.messageKey());
                model.addAttribute("refusalArguments", refused.arguments());
            }
        }
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("natures", Nature.values());
        return "helpdesk/form";
    }

    @PostMapping("/demandes/nouvelle/{category}/conseils")
    String dismissGuidance(@AuthenticationPrincipal SignedInPerson person, @PathVariable("category") long categoryId) {
        var member = !accounts.organizationsOf(person.accountId()).isEmpty();
        reference.categoriesFor(person.accountId(), member).stream()
                .filter(c -> c.id() == categoryId)
                .findFirst()
                .orElseThrow(NotFoundException::new);
        try {
            reference.dismissGuidance(person.accountId(), categoryId);
        } catch (DuplicateKeyException sameMoment) {
            // dismissed twice at once: dismissed
        }
        return "redirect:/demandes/nouvelle/" + categoryId;
    }

    @PostMapping("/demandes/nouvelle/{category}")
    String file(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("category") long categoryId,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "description", defaultValue = "") String description,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "nature", required = false) Nature nature,
            @RequestParam(name = "domain", required = false) String domain,
            @RequestParam(name = "internalReference", required = false) String internalReference,
            @RequestParam(name = "messageCode", required = false) String messageCode,
            @RequestParam(name = "followUpEmail", required = false) String followUpEmail,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Locale locale,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var category = reference.category(categoryId).filter(Category::active).orElseThrow(NotFoundException::new);
        StoredFile staged = null;
        try {
            if (file != null && !file.isEmpty()) {
                try (var content = file.getInputStream()) {
                    staged = attachments.stage(content, file.getOriginalFilename());
                }
            }
            if (category.requiredFields().contains(RequiredField.ATTACHMENT) && staged == null) {
                throw new FilingRefused("helpdesk.filing.required.ATTACHMENT");
            }
            var establishment = category.filedByCorrespondents() ? establishment() : null;
            var id = attachments.fileWith(
                    () -> category.filedByCorrespondents()
                            ? tickets.fileLevelTwo(
                                    person.accountId(),
                                    establishment,
                                    new Tickets.LevelTwoForm(
                                            categoryId,
                                            priority,
                                            domain,
                                            nature,
                                            internalReference,
                                            messageCode,
                                            title,
                                            description,
                                            followUpEmail),
                                    locale)
                            : tickets.fileSimple(
                                    person.accountId(), categoryId, title, description, followUpEmail, locale),
                    person.accountId(),
                    file == null ? null : file.getOriginalFilename(),
                    staged);
            redirect.addFlashAttribute("saved", "helpdesk.filed");
            redirect.addFlashAttribute("sentTo", id.value());
            return "redirect:/demandes/" + id.value();
        } catch (FilingRefused | FileRefused refused) {
            if (staged != null) {
                attachments.discard(staged);
            }
            model.addAttribute("filingRefusal", refused.messageKey());
            model.addAttribute("filingRefusalArguments", refused.arguments());
            // what he typed and chose comes back with the message, so that he corrects rather than retypes
            var typed = new HashMap<String, String>();
            typed.put("title", title);
            typed.put("description", description);
            typed.put("priority", priority == null ? "" : priority.name());
            typed.put("nature", nature == null ? "" : nature.name());
            typed.put("domain", domain == null ? "" : domain);
            typed.put("internalReference", internalReference == null ? "" : internalReference);
            typed.put("messageCode", messageCode == null ? "" : messageCode);
            typed.put("followUpEmail", followUpEmail == null ? "" : followUpEmail);
            model.addAttribute("typed", typed);
            return form(person, categoryId, model);
        }
    }

    @GetMapping("/demandes/{id}")
    String ticket(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var page = tickets.page(person.accountId(), new TicketId(id));
        model.addAttribute("page", page);
        try {
            bookmarks.visited(person.accountId(), page.ticket().id());
        } catch (DataAccessException notRemembered) {
            // the history misses one visit; the ticket is shown all the same
        }
        model.addAttribute(
                "bookmarked",
                bookmarks.isBookmarked(person.accountId(), page.ticket().id()));
        // the page is visible to him: its attachments and dates need no second check
        model.addAttribute("attachments", attachments.of(page.ticket().id()));
        model.addAttribute("due", dueDates.of(page.ticket()));
        model.addAttribute("contractors", reference.contractors());
        model.addAttribute("teams", reference.teams());
        // who handles it, as the requester side sees it, and the agents it may be assigned to
        var handler = page.ticket().handlingAgentId() == null
                ? null
                : accounts.find(new AccountId(page.ticket().handlingAgentId()))
                        .map(PersonView::displayName)
                        .orElse(null);
        model.addAttribute("handler", handler);
        model.addAttribute(
                "handlingContractor",
                page.ticket().contractorId() == null
                        ? null
                        : reference.contractors().stream()
                                .filter(c -> c.id() == page.ticket().contractorId())
                                .map(HelpdeskReference.ContractorChoice::name)
                                .findFirst()
                                .orElse(null));
        // the published sheet's editing (knowledge base) for agents, when the state is one that publishes
        model.addAttribute(
                "sheetEditable",
                page.roles().contains(Actor.AGENT)
                        && Publication.of(page.ticket().state(), true).published());
        model.addAttribute(
                "teamAgents",
                page.roles().contains(Actor.AGENT) && page.ticket().teamId() != null
                        ? reference.teamMembers(page.ticket().teamId()).stream()
                                .map(a -> accounts.find(new AccountId(a)))
                                .flatMap(Optional::stream)
                                .filter(PersonView::active)
                                .toList()
                        : List.of());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("natures", Nature.values());
        return "helpdesk/ticket";
    }

    @PostMapping("/demandes/{id}/complements")
    String complement(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "text", required = false) String text,
            Locale locale,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> tickets.complement(person.accountId(), new TicketId(id), text, locale));
    }

    @PostMapping("/demandes/{id}/requalification")
    String requalify(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "domain", required = false) String domain,
            @RequestParam(name = "nature", required = false) Nature nature,
            Locale locale,
            RedirectAttributes redirect) {
        return done(
                id,
                redirect,
                () -> tickets.requalify(person.accountId(), new TicketId(id), priority, domain, nature, locale));
    }

    @PostMapping("/demandes/{id}/echeances")
    String push(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "days", defaultValue = "0") int days,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> tickets.pushDeadlines(person.accountId(), new TicketId(id), days));
    }

    @PostMapping("/demandes/{id}/liens")
    String link(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "number", required = false) Long number,
            RedirectAttributes redirect) {
        if (number == null) {
            tickets.find(person.accountId(), new TicketId(id));
            redirect.addFlashAttribute("refusal", "helpdesk.link.number-required");
            return "redirect:/demandes/" + id;
        }
        try {
            return done(id, redirect, () -> tickets.link(person.accountId(), new TicketId(id), new TicketId(number)));
        } catch (NotFoundException unknownOther) {
            tickets.find(person.accountId(), new TicketId(id));
            redirect.addFlashAttribute("refusal", "helpdesk.link.unknown");
            return "redirect:/demandes/" + id;
        }
    }

    @PostMapping("/demandes/{id}/pieces")
    String attach(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        tickets.find(person.accountId(), new TicketId(id));
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("refusal", "files.refused.empty");
            return "redirect:/demandes/" + id;
        }
        try (var content = file.getInputStream()) {
            attachments.attach(person.accountId(), new TicketId(id), file.getOriginalFilename(), content);
            redirect.addFlashAttribute("saved", "helpdesk.attached");
        } catch (TransitionRefused | FileRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return "redirect:/demandes/" + id;
    }

    @GetMapping("/demandes/{id}/pieces/{attachment}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("attachment") long attachment)
            throws IOException {
        var download = attachments.open(person.accountId(), new TicketId(id), attachment);
        return FileResponses.attachment(
                download.fileName(), download.contentType(), download.size(), download.sha256(), download.content());
    }

    private String done(long id, RedirectAttributes redirect, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("saved", "helpdesk.acted");
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/demandes/" + id;
    }

    @PostMapping("/demandes/{id}/actions")
    String act(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "action", required = false) Action action,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "contractor", required = false) Long contractor,
            @RequestParam(name = "team", required = false) Long team,
            @RequestParam(name = "agent", required = false) Long agent,
            Locale locale,
            RedirectAttributes redirect) {
        tickets.find(person.accountId(), new TicketId(id));
        if (action == null) {
            redirect.addFlashAttribute("refusal", "helpdesk.transition.not-allowed");
            return "redirect:/demandes/" + id;
        }
        try {
            var whom = action == Action.HAND_TO_CONTRACTOR
                    ? contractor
                    : action == Action.DISPATCH ? team : action == Action.TAKE ? agent : null;
            tickets.act(person.accountId(), new TicketId(id), action, parse(target), text, whom, locale);
            redirect.addFlashAttribute("saved", "helpdesk.acted");
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/demandes/" + id;
    }

    private OrganizationId establishment() {
        return acting.current()
                .flatMap(organizations::find)
                .map(o -> o.establishmentId())
                .orElseThrow(() -> new FilingRefused("helpdesk.filing.category-not-yours"));
    }

    private static TicketState parse(String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        var parts = target.split("/");
        try {
            return new TicketState(
                    TicketStatus.valueOf(parts[0]), parts.length > 1 ? SubStatus.valueOf(parts[1]) : null);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
