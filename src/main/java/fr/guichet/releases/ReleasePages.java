package fr.guichet.releases;

import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.helpdesk.ProductId;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

/** A product's releases: the list (with the agency's form for a new one), one release, its files, its publication. */
@Controller
class ReleasePages {

    private final Releases releases;

    ReleasePages(Releases releases) {
        this.releases = releases;
    }

    @GetMapping("/produits/{id}/livraisons")
    String list(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        return listPage(person, new ProductId(id), model);
    }

    @PostMapping("/produits/{id}/livraisons")
    String create(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "kind", required = false) @Nullable ReleaseKind kind,
            @RequestParam(name = "version", required = false) @Nullable Long version,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "notes", defaultValue = "") String notes,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var product = new ProductId(id);
        var draft = new Releases.Draft(kind, version, title, notes);
        try (var uploads = ReleaseUploads.of(files)) {
            var created = releases.create(person.accountId(), product, draft, uploads.list());
            redirect.addFlashAttribute("saved", "releases.created");
            return "redirect:/produits/" + id + "/livraisons/" + created.value();
        } catch (ReleaseRefusal | FileRefused refused) {
            model.addAttribute("draft", draft);
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", refused.arguments());
            return listPage(person, product, model);
        }
    }

    @GetMapping("/produits/{id}/livraisons/{releaseId}")
    String release(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId,
            Model model) {
        var product = new ProductId(id);
        model.addAttribute("release", releases.find(person.accountId(), product, new ReleaseId(releaseId)));
        model.addAttribute("productName", releases.productName(person.accountId(), product));
        model.addAttribute("mayPublish", releases.mayPublish(person.accountId(), product));
        return "releases/release";
    }

    @PostMapping("/produits/{id}/livraisons/{releaseId}/publication")
    String publish(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId,
            @RequestParam(name = "annonce", defaultValue = "false") boolean announce,
            RedirectAttributes redirect) {
        try {
            releases.publish(person.accountId(), new ProductId(id), new ReleaseId(releaseId), announce);
            redirect.addFlashAttribute("saved", "releases.published");
        } catch (ReleaseRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
            redirect.addFlashAttribute("refusalArguments", refused.arguments());
        }
        return "redirect:/produits/" + id + "/livraisons/" + releaseId;
    }

    @GetMapping("/produits/{id}/livraisons/{releaseId}/fichiers/{number}")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId,
            @PathVariable("number") int number)
            throws IOException {
        return ReleaseUploads.answer(
                releases.download(person.accountId(), new ProductId(id), new ReleaseId(releaseId), number));
    }

    private String listPage(SignedInPerson person, ProductId product, Model model) {
        var shelf = releases.shelf(person.accountId(), product);
        model.addAttribute("productId", product.value());
        model.addAttribute("productName", shelf.productName());
        model.addAttribute("releases", shelf.releases());
        model.addAttribute("mayPublish", shelf.mayPublish());
        model.addAttribute("versions", shelf.versions());
        model.addAttribute("kinds", ReleaseKind.values());
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Releases.Draft(ReleaseKind.PATCH, null, "", ""));
        }
        return "releases/list";
    }
}
