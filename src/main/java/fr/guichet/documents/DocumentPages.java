package fr.guichet.documents;

import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.FileResponses;
import java.io.IOException;
import java.util.Locale;
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

/**
 * A service's document space ("Consulter l'accord-cadre"): its holders read and download, the
 * agency's staff upload, replace and remove. Products get the same pages under their own path later.
 */
@Controller
class DocumentPages {

    static final String SERVICE = "service";

    private final DocumentSpaces spaces;

    DocumentPages(DocumentSpaces spaces) {
        this.spaces = spaces;
    }

    @GetMapping("/services/{id}/documents")
    String space(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Locale locale, Model model) {
        var space = spaces.space(person.accountId(), SERVICE, id, locale);
        model.addAttribute("space", space);
        model.addAttribute("ownerId", id);
        model.addAttribute("areas", Area.values());
        model.addAttribute("families", Family.values());
        return "documents/space";
    }

    @GetMapping("/services/{id}/documents/{documentId}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            @RequestParam(name = "version", required = false) Integer version)
            throws IOException {
        var document = new DocumentId(documentId);
        return answer(
                version == null
                        ? spaces.download(person.accountId(), SERVICE, id, document)
                        : spaces.download(person.accountId(), SERVICE, id, document, version));
    }

    @PostMapping("/services/{id}/documents")
    String upload(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "area", required = false) Area area,
            @RequestParam(name = "family", required = false) Family family,
            @RequestParam(name = "folder", defaultValue = "") String folder,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            spaces.space(person.accountId(), SERVICE, id, Locale.FRENCH);
            redirect.addFlashAttribute("refusal", "files.refused.empty");
            return back(id);
        }
        try (var content = file.getInputStream()) {
            spaces.add(
                    person.accountId(), SERVICE, id, area, family, folder, title, file.getOriginalFilename(), content);
            redirect.addFlashAttribute("saved", "documents.added");
        } catch (FileRefused | DocumentRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return back(id);
    }

    @PostMapping("/services/{id}/documents/{documentId}/versions")
    String replace(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            spaces.versions(person.accountId(), SERVICE, id, new DocumentId(documentId));
            redirect.addFlashAttribute("refusal", "files.refused.empty");
            return back(id);
        }
        try (var content = file.getInputStream()) {
            var version = spaces.replace(
                    person.accountId(), SERVICE, id, new DocumentId(documentId), file.getOriginalFilename(), content);
            redirect.addFlashAttribute("saved", "documents.replaced");
            redirect.addFlashAttribute("sentTo", version);
        } catch (FileRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return back(id);
    }

    @PostMapping("/services/{id}/documents/{documentId}/suppression")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            RedirectAttributes redirect) {
        spaces.remove(person.accountId(), SERVICE, id, new DocumentId(documentId));
        redirect.addFlashAttribute("saved", "documents.removed");
        return back(id);
    }

    @PostMapping("/services/{id}/documents/abonnement")
    String subscribe(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "abonne", defaultValue = "true") boolean subscribed,
            RedirectAttributes redirect) {
        spaces.subscribe(person.accountId(), SERVICE, id, subscribed);
        redirect.addFlashAttribute("saved", subscribed ? "documents.subscribed" : "documents.unsubscribed");
        return back(id);
    }

    static ResponseEntity<Resource> answer(DocumentDownload download) throws IOException {
        return FileResponses.attachment(
                download.fileName(), download.contentType(), download.size(), download.sha256(), download.open());
    }

    private static String back(long id) {
        return "redirect:/services/" + id + "/documents";
    }
}
