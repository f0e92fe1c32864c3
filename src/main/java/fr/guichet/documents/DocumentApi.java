package fr.guichet.documents;

import fr.guichet.account.SignedInPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
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

/** A service's document space in the API: list and download for its holders, upload for the agency's staff. */
@RestController
@RequestMapping("/api/v1/services/{id}/documents")
@Tag(name = "Documents")
class DocumentApi {

    record Created(long id) {}

    private final DocumentSpaces spaces;

    DocumentApi(DocumentSpaces spaces) {
        this.spaces = spaces;
    }

    @GetMapping
    @Operation(summary = "The space's documents by area, family and folder (404 without a grant on the service)")
    DocumentSpace list(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id, Locale locale) {
        return spaces.space(person.accountId(), DocumentPages.SERVICE, id, locale);
    }

    @GetMapping("/{documentId}/content")
    @Operation(summary = "Download a document's current file, streamed, as an attachment")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @PathVariable("documentId") long documentId)
            throws IOException {
        return DocumentPages.answer(
                spaces.download(person.accountId(), DocumentPages.SERVICE, id, new DocumentId(documentId)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document (the agency's staff); its type is detected from its bytes")
    ResponseEntity<Created> upload(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @RequestParam("area") Area area,
            @RequestParam("family") Family family,
            @RequestParam(name = "folder", defaultValue = "") String folder,
            @RequestParam("title") String title,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        try (var content = file.getInputStream()) {
            var created = spaces.add(
                    person.accountId(),
                    DocumentPages.SERVICE,
                    id,
                    area,
                    family,
                    folder,
                    title,
                    file.getOriginalFilename(),
                    content);
            return ResponseEntity.created(
                            URI.create("/api/v1/services/" + id + "/documents/" + created.value() + "/content"))
                    .body(new Created(created.value()));
        }
    }
}
