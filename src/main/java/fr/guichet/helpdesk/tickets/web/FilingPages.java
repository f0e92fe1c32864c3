package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.ActingOrganization;
import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.documents.StoredFile;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.reference.RequiredField;
import fr.guichet.helpdesk.tickets.FilingForms;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.helpdesk.tickets.attachments.TicketAttachments;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.io.IOException;
import java.util.HashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Filing a request: the categories open to the person, a category's form, and the form sent. */
@Controller
class FilingPages {

    private final FilingForms forms;
    private final TicketFiling filing;
    private final TicketAttachments attachments;
    private final ActingOrganization acting;
    private final Organizations organizations;

    FilingPages(
            FilingForms forms,
            TicketFiling filing,
            TicketAttachments attachments,
            ActingOrganization acting,
            Organizations organizations) {
        this.forms = forms;
        this.filing = filing;
        this.attachments = attachments;
        this.acting = acting;
        this.organizations = organizations;
    }

    @GetMapping("/demandes/nouvelle")
    String categories(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("categories", forms.categoriesFor(person.accountId()));
        return "helpdesk/categories";
    }

    @GetMapping("/demandes/nouvelle/{category}")
    String form(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("category") long categoryId, Model model) {
        var form = forms.form(person.accountId(), new CategoryId(categoryId), this::establishment);
        model.addAttribute("category", form.category());
        model.addAttribute("domains", form.domains());
        model.addAttribute("guidance", form.category().guidance());
        model.addAttribute("guidanceDismissed", form.guidanceDismissed());
        model.addAttribute("productGuidance", form.productGuidance());
        model.addAttribute("version", form.version());
        model.addAttribute("unmaintained", form.unmaintained());
        if (form.refusal() != null) {
            model.addAttribute("refusal", form.refusal().messageKey());
            model.addAttribute("refusalArguments", form.refusal().arguments());
            if (form.refusal().messageKey().equals("helpdesk.filing.no-installed-version")) {
                // the way out of the dead end: the change request that gets the version validated
                model.addAttribute("askVersionEstablishment", establishment().value());
                model.addAttribute("askVersionProduct", form.category().productId());
            }
        }
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("natures", Nature.values());
        return "helpdesk/form";
    }

    @PostMapping("/demandes/nouvelle/{category}/conseils")
    String dismissGuidance(@AuthenticationPrincipal SignedInPerson person, @PathVariable("category") long categoryId) {
        try {
            forms.dismissGuidance(person.accountId(), new CategoryId(categoryId));
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
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var id = new CategoryId(categoryId);
        var category = forms.category(id);
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
            var levelTwo = new LevelTwoForm(
                    id, priority, domain, nature, internalReference, messageCode, title, description, followUpEmail);
            var filed = attachments.fileWith(
                    () -> category.filedByCorrespondents()
                            ? filing.fileLevelTwo(person.accountId(), establishment(), levelTwo)
                            : filing.fileSimple(person.accountId(), id, title, description, followUpEmail),
                    person.accountId(),
                    file == null ? null : file.getOriginalFilename(),
                    staged);
            redirect.addFlashAttribute("saved", "helpdesk.filed");
            redirect.addFlashAttribute("sentTo", filed.value());
            return "redirect:/demandes/" + filed.value();
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

    private OrganizationId establishment() {
        return acting.current()
                .flatMap(organizations::find)
                .map(o -> o.establishmentId())
                .orElseThrow(() -> new FilingRefused("helpdesk.filing.category-not-yours"));
    }
}
