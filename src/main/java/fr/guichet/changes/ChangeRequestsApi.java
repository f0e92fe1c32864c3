package fr.guichet.changes;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Change requests in the API: the same rules as the pages, Bearer tokens only. */
@RestController
@RequestMapping("/api/v1/change-requests")
@Tag(name = "Change requests")
class ChangeRequestsApi {

    record NewChangeRequest(
            @NotNull(message = "{validation.required}") ChangeKind kind,
            @NotNull(message = "{validation.required}") Long establishmentId,
            @NotNull(message = "{validation.required}") Long productId,

            @Schema(description = "INSTALLED_VERSION: one of the product's versions")
            @NotNull(message = "{validation.required}")
            Long versionId) {}

    enum Verdict {
        VALIDATE,
        REFUSE
    }

    record Decision(
            @NotNull(message = "{validation.required}") Verdict verdict,

            @Schema(description = "required to refuse") @Size(max = 2000, message = "{validation.too-long}") @Nullable
            String reason) {}

    /** One establishment and product the caller is correspondent for, and its validated installed version. */
    record SiteDto(
            long establishmentId,
            String establishment,
            long productId,
            String product,
            String kind,
            @Nullable String installedVersion,
            @Nullable ChangeRequestId pendingRequest) {}

    private final ChangeRequests changes;
    private final CorrespondentSpace space;

    ChangeRequestsApi(ChangeRequests changes, CorrespondentSpace space) {
        this.changes = changes;
        this.space = space;
    }

    @GetMapping
    @Operation(summary = "The caller's own change requests, the latest first")
    List<ChangeView> mine(@AuthenticationPrincipal SignedInPerson person) {
        return changes.mine(person.accountId());
    }

    @GetMapping("/queue")
    @Operation(
            summary = "The requests waiting for the agency, the oldest first, 50 a page (the agency's staff); "
                    + "of one establishment or kind if asked")
    ChangeRequests.QueuePage queue(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "establishmentId", required = false) Long establishment,
            @RequestParam(name = "kind", required = false) ChangeKind kind,
            @Parameter(description = "from 1") @RequestParam(name = "page", defaultValue = "1") int page) {
        return changes.queue(
                person.accountId(), establishment == null ? null : new OrganizationId(establishment), kind, page);
    }

    @GetMapping("/sites")
    @Operation(summary = "The products the caller is correspondent for, where, with their validated installed version")
    List<SiteDto> sites(@AuthenticationPrincipal SignedInPerson person) {
        return space.sitesOf(person.accountId()).stream()
                .map(s -> new SiteDto(
                        s.establishment().value(),
                        s.establishmentName(),
                        s.product().value(),
                        s.productName(),
                        s.kind().name(),
                        s.installed(),
                        s.pending() == null ? null : s.pending().id()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One change request (its requester, the site's correspondents, the agency's staff)")
    ChangeView find(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        return changes.find(person.accountId(), new ChangeRequestId(id));
    }

    @PostMapping
    @Operation(summary = "Ask for a change (a correspondent of the establishment and product); the agency validates it")
    ResponseEntity<ChangeView> ask(
            @AuthenticationPrincipal SignedInPerson person, @Valid @RequestBody NewChangeRequest input)
            throws IOException {
        var id = changes.askInstalledVersion(
                person.accountId(),
                new OrganizationId(input.establishmentId()),
                new ProductId(input.productId()),
                input.versionId(),
                null);
        return ResponseEntity.created(URI.create("/api/v1/change-requests/" + id.value()))
                .body(changes.find(person.accountId(), id));
    }

    @PostMapping("/{id}/decision")
    @Operation(
            summary = "Validate (applied at once, or refused by the portal if the data changed meanwhile) or refuse "
                    + "with a reason (the agency's staff); the first decision wins")
    ChangeView decide(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody Decision decision) {
        var request = new ChangeRequestId(id);
        return decision.verdict() == Verdict.VALIDATE
                ? changes.validate(person.accountId(), request)
                : changes.refuse(person.accountId(), request, decision.reason());
    }
}
