package fr.guichet.helpdesk.tickets.attachments;

import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.shared.FileResponses;
import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A ticket's attachments from its page: attach one while it is open, download one. */
@Controller
class TicketAttachmentPages {

    private final Tickets tickets;
    private final TicketAttachments attachments;

    TicketAttachmentPages(Tickets tickets, TicketAttachments attachments) {
        this.tickets = tickets;
        this.attachments = attachments;
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
}
