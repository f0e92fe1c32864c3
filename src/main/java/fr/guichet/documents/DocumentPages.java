package fr.guichet.documents;

import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.FileResponses;
import fr.guichet.shared.NotFoundException;
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
 * A document space of any kind of owner, under the section its space link names ({@code
 * /services/{id}/documents}: "Consulter l'accord-cadre"; {@code /produits/{id}/documents}): its
 * readers read and download, the agency's staff upload, replace and remove. A section no kind
 * owns does not exist.
 */
@Controller
class DocumentPages {

    static final String SERVICE = "service";

    private static final String SPACE = "/{section}/{id}/documents";

    private final DocumentSpaces spaces;
    private final DocumentsProperties properties;

    DocumentPages(DocumentSpaces spaces, DocumentsProperties properties) {
        this.spaces = spaces;
        this.properties = properties;
    }

    @GetMapping(SPACE)
    String space(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            Locale locale,
            Model model) {
        var kind = kind(section);
        var space = spaces.space(person.accountId(), kind, id, locale);
        model.addAttribute("space", space);
        model.addAttribute("kind", kind);
        model.addAttribute("base", base(section, id));
        model.addAttribute("areas", Area.values());
        model.addAttribute("families", Family.values());
        return "documents/space";
    }

    @GetMapping(SPACE + "/{documentId}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            @RequestParam(name = "version", required = false) Integer version)
            throws IOException {
        var document = new DocumentId(documentId);
        return answer(
                version == null
                        ? spaces.download(person.accountId(), kind(section), id, document)
                        : spaces.download(person.accountId(), kind(section), id, document, version));
    }

    @PostMapping(SPACE)
    String upload(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            @RequestParam(name = "area", required = false) Area area,
            @RequestParam(name = "family", required = false) Family family,
            @RequestParam(name = "folder", defaultValue = "") String folder,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            spaces.space(person.accountId(), kind(section), id, Locale.FRENCH);
            redirect.addFlashAttribute("refusal", "files.refused.empty");
            return back(section, id);
        }
        try (var content = file.getInputStream()) {
            spaces.add(
                    person.accountId(),
                    kind(section),
                    id,
                    area,
                    family,
                    folder,
                    title,
                    file.getOriginalFilename(),
                    content);
            redirect.addFlashAttribute("saved", "documents.added");
        } catch (FileRefused | DocumentRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return back(section, id);
    }

    @PostMapping(SPACE + "/{documentId}/versions")
    String replace(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            spaces.versions(person.accountId(), kind(section), id, new DocumentId(documentId));
            redirect.addFlashAttribute("refusal", "files.refused.empty");
            return back(section, id);
        }
        try (var content = file.getInputStream()) {
            var version = spaces.replace(
                    person.accountId(),
                    kind(section),
                    id,
                    new DocumentId(documentId),
                    file.getOriginalFilename(),
                    content);
            redirect.addFlashAttribute("saved", "documents.replaced");
            redirect.addFlashAttribute("sentTo", version);
        } catch (FileRefused refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return back(section, id);
    }

    @PostMapping(SPACE + "/{documentId}/suppression")
    String remove(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId,
            RedirectAttributes redirect) {
        spaces.remove(person.accountId(), kind(section), id, new DocumentId(documentId));
        redirect.addFlashAttribute("saved", "documents.removed");
        return back(section, id);
    }

    @PostMapping(SPACE + "/abonnement")
    String subscribe(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("section") String section,
            @PathVariable("id") long id,
            @RequestParam(name = "abonne", defaultValue = "true") boolean subscribed,
            RedirectAttributes redirect) {
        spaces.subscribe(person.accountId(), kind(section), id, subscribed);
        redirect.addFlashAttribute("saved", subscribed ? "documents.subscribed" : "documents.unsubscribed");
        return back(section, id);
    }

    static ResponseEntity<Resource> answer(DocumentDownload download) throws IOException {
        return FileResponses.attachment(
                download.fileName(), download.contentType(), download.size(), download.sha256(), download.open());
    }

    private String kind(String section) {
        return properties.kindAt(section).orElseThrow(NotFoundException::new);
    }

    private static String base(String section, long id) {
        return "/" + section + "/" + id + "/documents";
    }

    private static String back(String section, long id) {
        return "redirect:" + base(section, id);
    }
}
