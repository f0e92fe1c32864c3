package fr.guichet.access;

import fr.guichet.account.SignedInPerson;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.ErrorResponses;
import fr.guichet.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue and access requests in the API: the same rules as the pages, Bearer tokens only. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Services and access requests")
class AccessApi {

    record ServiceDto(
            long id,
            String code,
            String name,
            String description,
            String domain,
            DecidedBy decidedBy,
            boolean active,
            AccessStatus myStatus,
            boolean favourite) {

        static ServiceDto of(ServiceView s, Catalogue.Entry entry) {
            return new ServiceDto(
                    s.id().value(),
                    s.code(),
                    s.name(),
                    s.description(),
                    s.domain().name(),
                    s.decidedBy(),
                    s.active(),
                    entry == null ? null : entry.status(),
                    entry != null && entry.favourite());
        }
    }

    record AccessRequestDto(
            long id,
            long serviceId,
            long requesterId,
            Long establishmentId,
            AccessStatus status,
            Instant requestedAt,
            Instant decidedAt,
            Long decidedBy,
            String comment,
            Instant endedAt,
            Instant lastUsedAt) {

        static AccessRequestDto of(AccessRequestView r) {
            return new AccessRequestDto(
                    r.id().value(),
                    r.service().value(),
                    r.requester().value(),
                    r.establishmentId(),
                    r.status(),
                    r.requestedAt(),
                    r.decidedAt(),
                    r.decidedBy() == null ? null : r.decidedBy().value(),
                    r.comment(),
                    r.endedAt(),
                    r.lastUsedAt());
        }
    }

    record NewAccessRequest(
            @NotNull(message = "{validation.required}") Long serviceId, Long establishmentId) {}

    record Decision(
            @NotNull(message = "{validation.required}") Boolean accept,

            @Size(max = 1000, message = "{validation.too-long}")
            String comment) {}

    record Asked(AccessRequests.Asked outcome, AccessRequestDto request) {}

    private final Catalogue catalogue;
    private final AccessRequests requests;
    private final ErrorResponses errors;

    AccessApi(Catalogue catalogue, AccessRequests requests, ErrorResponses errors) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.errors = errors;
    }

    /** Two deciders at the same moment: the other one's decision stands, and the second is told so. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> simultaneous(HttpServletRequest request) {
        return errors.refusal(request, HttpStatus.CONFLICT, "access.already-decided", new Object[0]);
    }

    @GetMapping("/services")
    @Operation(
            summary = "The catalogue as the caller's establishment offers it, with the caller's state for each service")
    List<ServiceDto> services(@AuthenticationPrincipal SignedInPerson person) {
        return catalogue.forMember(person.accountId(), Optional.empty()).entries().stream()
                .map(e -> ServiceDto.of(e.service(), e))
                .toList();
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "One service of the catalogue")
    ServiceDto service(@AuthenticationPrincipal SignedInPerson person, @PathVariable("id") long id) {
        var entry = catalogue.forMember(person.accountId(), Optional.empty()).entries().stream()
                .filter(e -> e.service().id().value() == id)
                .findFirst()
                .orElseThrow(NotFoundException::new);
        return ServiceDto.of(entry.service(), entry);
    }

    @PostMapping("/services")
    @Operation(summary = "Add a service to the catalogue (platform admins)")
    ResponseEntity<ServiceDto> create(
            @AuthenticationPrincipal SignedInPerson person, @Valid @RequestBody ServiceDefinition definition) {
        var id = catalogue.create(person.accountId(), definition);
        return ResponseEntity.created(URI.create("/api/v1/services/" + id.value()))
                .body(ServiceDto.of(catalogue.find(id).orElseThrow(), null));
    }

    @PutMapping("/services/{id}")
    @Operation(summary = "Change a service (platform admins); its code stays")
    ServiceDto change(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody ServiceDefinition definition) {
        catalogue.change(person.accountId(), new ServiceId(id), definition);
        return ServiceDto.of(catalogue.find(new ServiceId(id)).orElseThrow(), null);
    }

    @PostMapping("/access-requests")
    @Operation(summary = "Ask for a service, as a member of the given establishment (default: the first one)")
    ResponseEntity<Asked> ask(
            @AuthenticationPrincipal SignedInPerson person,
            @Valid @RequestBody NewAccessRequest input,
            Locale locale,
            HttpServletRequest request) {
        var outcome = requests.ask(
                person.accountId(),
                new ServiceId(input.serviceId()),
                Optional.ofNullable(input.establishmentId()).map(OrganizationId::new),
                locale,
                ClientAddress.of(request));
        var created = requests.mine(person.accountId()).stream()
                .filter(r -> r.service().value() == input.serviceId())
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(
                        URI.create("/api/v1/access-requests/" + created.id().value()))
                .body(new Asked(outcome, AccessRequestDto.of(created)));
    }

    @GetMapping("/access-requests")
    @Operation(
            summary = "The caller's own requests and grants; with establishment=ID, that establishment's pending "
                    + "requests (its super admins only)")
    List<AccessRequestDto> list(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "establishment", required = false) Long establishment) {
        var found = establishment == null
                ? requests.mine(person.accountId())
                : requests.pendingOf(person.accountId(), new OrganizationId(establishment));
        return found.stream().map(AccessRequestDto::of).toList();
    }

    @PostMapping("/access-requests/{id}/decision")
    @Operation(summary = "Accept or refuse (a comment is required to refuse); the first decision wins")
    AccessRequestDto decide(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            @Valid @RequestBody Decision decision,
            Locale locale,
            HttpServletRequest request) {
        return AccessRequestDto.of(requests.decide(
                person.accountId(),
                new AccessRequestId(id),
                decision.accept(),
                decision.comment(),
                locale,
                ClientAddress.of(request)));
    }

    @PostMapping("/access-requests/{id}/revocation")
    @Operation(summary = "Withdraw a grant; the person is told")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("id") long id,
            Locale locale,
            HttpServletRequest request) {
        requests.revoke(person.accountId(), new AccessRequestId(id), locale, ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }
}
