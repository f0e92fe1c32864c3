package fr.guichet.branding;

import fr.guichet.account.SignedInPerson;
import fr.guichet.documents.FileRefused;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Gestion graphique": the draft's form (images, colours, home page), its preview, and publishing,
 * cancelling or erasing it, for those who manage the organisation's branding.
 */
@Controller
class BrandingPages {

    private static final String PAGE = "/organisations/{id}/gestion-graphique";

    private final BrandingAccess access;
    private final Brandings brandings;

    BrandingPages(BrandingAccess access, Brandings brandings) {
        this.access = access;
        this.brandings = brandings;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = access.require(person.accountId(), id);
        var editing = brandings.editing(organization.id());
        model.addAttribute("form", BrandingForm.of(editing.current()));
        return page(organization, editing, model);
    }

    @PostMapping(PAGE)
    String save(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @ModelAttribute("form") BrandingForm form,
            @RequestParam(name = "banner", required = false) @Nullable MultipartFile banner,
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        var organization = access.require(person.accountId(), id);
        try {
            var uploads = new ArrayList<Brandings.Upload>();
            upload(ImageSlot.BANNER, banner, uploads);
            upload(ImageSlot.LOGO, logo, uploads);
            brandings.saveDraft(
                    person.accountId(),
                    organization.id(),
                    form.getScheme(),
                    form.getSide(),
                    orEmpty(form.getTitle()),
                    orEmpty(form.getText()),
                    form.linkInputs(),
                    uploads);
        } catch (BrandingRefusal | FileRefused refused) {
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", ((Refusal) refused).arguments());
            form.padded();
            return page(organization, brandings.editing(organization.id()), model);
        }
        redirect.addFlashAttribute("saved", "branding.draft-saved");
        return "redirect:/organisations/" + id + "/gestion-graphique";
    }

    /** No file chosen is no change; a chosen file, even empty, is checked. */
    private static void upload(ImageSlot slot, @Nullable MultipartFile file, List<Brandings.Upload> uploads)
            throws IOException {
        if (file == null) {
            return;
        }
        var chosen = file.getOriginalFilename() != null
                && !file.getOriginalFilename().isBlank();
        if (file.isEmpty() && !chosen) {
            return;
        }
        if (file.getSize() > ImageCheck.MAX_BYTES) {
            // refused before its bytes are read into memory
            throw new BrandingRefusal(
                    "branding.image.too-large",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(slot.messageKey()),
                    ImageCheck.MAX_LABEL);
        }
        uploads.add(new Brandings.Upload(slot, file.getBytes()));
    }

    @GetMapping(PAGE + "/apercu")
    String preview(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = access.require(person.accountId(), id);
        var shown = brandings.previewed(organization.id());
        model.addAttribute("organization", organization);
        model.addAttribute("shown", shown.orElse(null));
        model.addAttribute("preview", true);
        model.addAttribute("images", "/organisations/" + id + "/gestion-graphique/apercu/");
        return "branding/public";
    }

    @GetMapping(PAGE + "/apercu/bandeau")
    ResponseEntity<Resource> previewedBanner(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return previewedImage(person, id, ImageSlot.BANNER);
    }

    @GetMapping(PAGE + "/apercu/logo")
    ResponseEntity<Resource> previewedLogo(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return previewedImage(person, id, ImageSlot.LOGO);
    }

    private ResponseEntity<Resource> previewedImage(SignedInPerson person, long id, ImageSlot slot) {
        var organization = access.require(person.accountId(), id);
        var image = brandings
                .previewed(organization.id())
                .map(s -> s.branding().image(slot))
                .orElseThrow(NotFoundException::new);
        return ImageResponses.privately(image, null, () -> brandings.open(image));
    }

    @PostMapping(PAGE + "/validation")
    String publish(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = access.require(person.accountId(), id);
        try {
            brandings.publish(person.accountId(), organization.id(), ClientAddress.of(request));
            redirect.addFlashAttribute("saved", "branding.published");
        } catch (BrandingRefusal refused) {
            redirect.addFlashAttribute("refusal", refused.messageKey());
        }
        return "redirect:/organisations/" + id + "/gestion-graphique";
    }

    @PostMapping(PAGE + "/annulation")
    String cancel(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, RedirectAttributes redirect) {
        var organization = access.require(person.accountId(), id);
        brandings.cancel(organization.id());
        redirect.addFlashAttribute("saved", "branding.cancelled");
        return "redirect:/organisations/" + id + "/gestion-graphique";
    }

    @GetMapping(PAGE + "/reinitialisation")
    String confirmReset(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Model model) {
        var organization = access.require(person.accountId(), id);
        model.addAttribute("organization", organization);
        model.addAttribute("editing", brandings.editing(organization.id()));
        return "branding/reset";
    }

    @PostMapping(PAGE + "/reinitialisation")
    String reset(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var organization = access.require(person.accountId(), id);
        brandings.reset(person.accountId(), organization.id(), ClientAddress.of(request));
        redirect.addFlashAttribute("saved", "branding.reset-done");
        return "redirect:/organisations/" + id + "/gestion-graphique";
    }

    private String page(OrganizationView organization, Brandings.Editing editing, Model model) {
        model.addAttribute("organization", organization);
        model.addAttribute("editing", editing);
        model.addAttribute("schemes", ColorScheme.values());
        model.addAttribute("sides", WelcomeSide.values());
        model.addAttribute("banner", ImageSlot.BANNER);
        model.addAttribute("logo", ImageSlot.LOGO);
        model.addAttribute("maxLength", WelcomeText.MAX_LENGTH);
        return "branding/edit";
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
