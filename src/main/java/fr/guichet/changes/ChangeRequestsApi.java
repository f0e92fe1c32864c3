package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.SiteServers;
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

    /** What each kind needs; the fields of other kinds are ignored. */
    record NewChangeRequest(
            @NotNull(message = "{validation.required}") ChangeKind kind,
            @NotNull(message = "{validation.required}") Long establishmentId,

            @Schema(description = "every kind but ESTABLISHMENT_DATA") @Nullable
            Long productId,

            @Schema(description = "INSTALLED_VERSION: one of the product's versions") @Nullable
            Long versionId,

            @Schema(description = "CORRESPONDENT_DATA, NEW_CORRESPONDENT: where to write (empty: the sign-in address)")
            @Nullable
            String contactEmail,

            @Schema(description = "CORRESPONDENT_DATA") @Nullable
            String contactPhone,

            @Schema(description = "ESTABLISHMENT_DATA: the whole of it, an empty field clears it")
            EstablishmentChanges.@Nullable Details establishment,

            @Schema(description = "NEW_CORRESPONDENT: his sign-in address") @Nullable
            String email,

            @Schema(description = "NEW_CORRESPONDENT, LEAVING_CORRESPONDENT") @Nullable
            CorrespondentKind correspondentKind,

            @Schema(description = "LEAVING_CORRESPONDENT: his account") @Nullable
            Long accountId,

            @Schema(description = "SERVERS: the whole list") @Nullable
            List<SiteServers.Server> servers) {}

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
            List<ChangeRequestId> pendingRequests) {}

    private final ChangeRequests changes;
    private final ChangeDecisions decisions;
    private final CorrespondentSpace space;

    ChangeRequestsApi(ChangeRequests changes, ChangeDecisions decisions, CorrespondentSpace space) {
        this.changes = changes;
        this.decisions = decisions;
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
                        s.pending().stream().map(ChangeView::id).toList()))
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
        var id = ask(person.accountId(), input);
        return ResponseEntity.created(URI.create("/api/v1/change-requests/" + id.value()))
                .body(changes.find(person.accountId(), id));
    }

    private ChangeRequestId ask(AccountId person, NewChangeRequest input) throws IOException {
        var establishment = new OrganizationId(input.establishmentId());
        if (input.kind() == ChangeKind.ESTABLISHMENT_DATA) {
            return changes.askEstablishmentData(
                    person, establishment, required(input.establishment(), "changes.kind.ESTABLISHMENT_DATA"));
        }
        var product = new ProductId(required(input.productId(), "changes.column.product"));
        switch (input.kind()) {
            case INSTALLED_VERSION:
                return changes.askInstalledVersion(
                        person, establishment, product, required(input.versionId(), "changes.version.field"), null);
            case CORRESPONDENT_DATA:
                return changes.askContact(person, establishment, product, input.contactEmail(), input.contactPhone());
            case NEW_CORRESPONDENT:
                return changes.askNewCorrespondent(
                        person, establishment, product, input.email(), input.correspondentKind(), input.contactEmail());
            case LEAVING_CORRESPONDENT:
                return changes.askDeparture(
                        person,
                        establishment,
                        product,
                        new AccountId(required(input.accountId(), "changes.naming.name")),
                        required(input.correspondentKind(), "changes.naming.kind"));
            case SERVERS:
                return changes.askServers(
                        person, establishment, product, required(input.servers(), "changes.kind.SERVERS"));
            default:
                throw new IllegalStateException("no API for the change kind " + input.kind());
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new InvalidChange("changes.field.required", Inputs.label(field));
        }
        return value;
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
                ? decisions.validate(person.accountId(), request)
                : decisions.refuse(person.accountId(), request, decision.reason());
    }
}
