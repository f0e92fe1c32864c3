package fr.guichet.branding;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Accueil soumissionnaires": an organisation's public home page for suppliers, with its own
 * published branding or its nearest ancestor's, and the images it shows. No sign-in; an
 * organisation with no published branding up its branch has no such page.
 */
@Controller
class PublicHomePages {

    private final Brandings brandings;
    private final Organizations organizations;

    PublicHomePages(Brandings brandings, Organizations organizations) {
        this.brandings = brandings;
        this.organizations = organizations;
    }

    @GetMapping("/collectivites/{id}")
    String home(@PathVariable("id") long id, Model model) {
        var shown = brandings.published(new OrganizationId(id)).orElseThrow(NotFoundException::new);
        model.addAttribute(
                "organization", organizations.find(new OrganizationId(id)).orElseThrow());
        model.addAttribute("shown", shown);
        model.addAttribute("preview", false);
        model.addAttribute("images", "/collectivites/" + id + "/");
        return "branding/public";
    }

    @GetMapping("/collectivites/{id}/bandeau")
    ResponseEntity<Resource> banner(
            @PathVariable("id") long id,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String etag) {
        return image(id, ImageSlot.BANNER, etag);
    }

    @GetMapping("/collectivites/{id}/logo")
    ResponseEntity<Resource> logo(
            @PathVariable("id") long id,
            @RequestHeader(name = "If-None-Match", required = false) @Nullable String etag) {
        return image(id, ImageSlot.LOGO, etag);
    }

    private ResponseEntity<Resource> image(long id, ImageSlot slot, @Nullable String etag) {
        var image = brandings
                .published(new OrganizationId(id))
                .map(s -> s.branding().image(slot))
                .orElseThrow(NotFoundException::new);
        return ImageResponses.publicly(image, etag, () -> brandings.open(image));
    }
}
