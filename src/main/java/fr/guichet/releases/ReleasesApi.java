package fr.guichet.releases;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.ProductId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A product's releases in the API: the same rules as the pages, Bearer tokens only. */
@RestController
@RequestMapping("/api/v1/products/{id}/releases")
@Tag(name = "Releases")
class ReleasesApi {

    private final Releases releases;

    ReleasesApi(Releases releases) {
        this.releases = releases;
    }

    @GetMapping
    @Operation(
            summary = "The product's releases, the latest first: the published ones for its correspondents of any "
                    + "establishment, drafts too for the agency's staff (404 for anyone else)")
    List<ReleaseView> list(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return releases.list(person.accountId(), new ProductId(id));
    }

    @GetMapping("/{releaseId}")
    @Operation(summary = "One release with its notes and files")
    ReleaseView find(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId) {
        return releases.find(person.accountId(), new ProductId(id), new ReleaseId(releaseId));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Prepare a release, a draft until published (the agency's staff): kind, one of the product's "
                    + "versions, title, notes, files (each type detected from its bytes)")
    ResponseEntity<ReleaseView> create(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam(name = "kind", required = false) @Nullable ReleaseKind kind,
            @RequestParam(name = "versionId", required = false) @Nullable Long versionId,
            @RequestParam(name = "title", defaultValue = "") String title,
            @RequestParam(name = "notes", defaultValue = "") String notes,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files)
            throws IOException {
        var product = new ProductId(id);
        try (var uploads = ReleaseUploads.of(files)) {
            var created = releases.create(
                    person.accountId(), product, new Releases.Draft(kind, versionId, title, notes), uploads.list());
            return ResponseEntity.created(URI.create("/api/v1/products/" + id + "/releases/" + created.value()))
                    .body(releases.find(person.accountId(), product, created));
        }
    }

    @PostMapping("/{releaseId}/publication")
    @Operation(
            summary = "Publish a draft (the agency's staff): every establishment's project address for the product, "
                    + "else each of its correspondents, is e-mailed once; 409 when published already")
    ReleaseView publish(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId,
            @RequestParam(name = "announce", defaultValue = "false") boolean announce) {
        return releases.publish(person.accountId(), new ProductId(id), new ReleaseId(releaseId), announce);
    }

    @GetMapping("/{releaseId}/files/{number}")
    @Operation(summary = "Download one of a release's files, streamed, as an attachment")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("releaseId") long releaseId,
            @PathVariable("number") int number)
            throws IOException {
        return ReleaseUploads.answer(
                releases.download(person.accountId(), new ProductId(id), new ReleaseId(releaseId), number));
    }
}
