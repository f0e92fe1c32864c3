package fr.guichet.helpdesk.tickets.web;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketView;
import fr.guichet.helpdesk.tickets.Assignment;
import fr.guichet.helpdesk.tickets.LevelTwoForm;
import fr.guichet.helpdesk.tickets.TicketActs;
import fr.guichet.helpdesk.tickets.TicketFiling;
import fr.guichet.helpdesk.tickets.TicketPage;
import fr.guichet.helpdesk.tickets.TicketSideActs;
import fr.guichet.helpdesk.tickets.Tickets;
import fr.guichet.helpdesk.tickets.attachments.TicketAttachments;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.FileResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tickets in the API, under the rules of the pages: file, read, act as the lifecycle allows, attach. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketsApi {

    /** A level-2 ticket when establishmentId is given (the caller's correspondent rights there), else a simple request. */
    record NewTicketRequest(
            @NotNull(message = "{validation.required}") Long categoryId,
            Long establishmentId,
            Priority priority,
            Nature nature,

            @Size(max = 100, message = "{validation.too-long}")
            String domain,

            @Size(max = 50, message = "{validation.too-long}")
            String internalReference,

            @Size(max = 50, message = "{validation.too-long}")
            String messageCode,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}")
            String title,

            @NotBlank(message = "{validation.required}") @Size(max = 20000, message = "{validation.too-long}")
            String description,

            @Size(max = 254, message = "{validation.too-long}")
            String followUpEmail) {}

    record TransitionRequest(
            @NotNull(message = "{validation.required}") Action action,
            TicketState target,

            @Size(max = 20000, message = "{validation.too-long}")
            String text,

            @Schema(description = "HAND_TO_CONTRACTOR: the contractor company")
            Long contractorId,

            @Schema(description = "DISPATCH: the team") Long teamId,

            @Schema(description = "TAKE: the agent it is assigned to (none: the caller)")
            Long agentId) {}

    record Created(long number, TicketState state) {}

    record TicketDetail(TicketView ticket, List<TicketPage.Exchange> exchanges, List<TicketPage.Offered> acts) {}

    private final Tickets tickets;
    private final TicketFiling filing;
    private final TicketActs acts;
    private final TicketSideActs sideActs;
    private final TicketAttachments attachments;

    TicketsApi(
            Tickets tickets,
            TicketFiling filing,
            TicketActs acts,
            TicketSideActs sideActs,
            TicketAttachments attachments) {
        this.tickets = tickets;
        this.filing = filing;
        this.acts = acts;
        this.sideActs = sideActs;
        this.attachments = attachments;
    }

    @PostMapping
    @Operation(summary = "File a ticket: level 2 (with establishmentId, by a correspondent) or a simple request")
    ResponseEntity<Created> file(
            @AuthenticationPrincipal SignedInPerson person, @Valid @RequestBody NewTicketRequest input) {
        var category = new CategoryId(input.categoryId());
        var id = input.establishmentId() != null
                ? filing.fileLevelTwo(
                        person.accountId(),
                        new OrganizationId(input.establishmentId()),
                        new LevelTwoForm(
                                category,
                                input.priority(),
                                input.domain(),
                                input.nature(),
                                input.internalReference(),
                                input.messageCode(),
                                input.title(),
                                input.description(),
                                input.followUpEmail()))
                : filing.fileSimple(
                        person.accountId(), category, input.title(), input.description(), input.followUpEmail());
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id.value()))
                .body(new Created(
                        id.value(), tickets.find(person.accountId(), id).state()));
    }

    @GetMapping("/{number}")
    @Operation(summary = "A ticket with its exchanges and the acts the caller may do now")
    TicketDetail read(@AuthenticationPrincipal SignedInPerson person, @PathVariable("number") long number) {
        var page = tickets.page(person.accountId(), new TicketId(number));
        // as on the page: a contractor reads the ticket to solve it, not the site's own follow-up
        var ticket = page.siteFollowUp() == null ? page.ticket().withoutInternalReference() : page.ticket();
        return new TicketDetail(ticket, page.exchanges(), page.offered());
    }

    @PostMapping("/{number}/transitions")
    @Operation(
            summary = "Act on a ticket (the lifecycle's table says who may do what from which state); "
                    + "COMPLEMENT: the requester side adds a text to an open ticket, its state unchanged")
    Created act(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("number") long number,
            @Valid @RequestBody TransitionRequest input) {
        if (input.action() == Action.COMPLEMENT) {
            // outside the lifecycle's table: the requester side adds to an open ticket, its state unchanged
            sideActs.complement(person.accountId(), new TicketId(number), input.text());
            return new Created(
                    number,
                    tickets.find(person.accountId(), new TicketId(number)).state());
        }
        var state = acts.act(
                person.accountId(),
                new TicketId(number),
                input.action(),
                input.target(),
                input.text(),
                Assignment.of(input.action(), input.contractorId(), input.teamId(), input.agentId()));
        return new Created(number, state);
    }

    @GetMapping("/{number}/attachments")
    @Operation(summary = "A ticket's attachments (its requester side and the agency's staff)")
    List<TicketAttachments.Attachment> attachments(
            @AuthenticationPrincipal SignedInPerson person, @PathVariable("number") long number) {
        return attachments.list(person.accountId(), new TicketId(number));
    }

    @GetMapping("/{number}/attachments/{attachment}")
    @Operation(summary = "Download an attachment, streamed, as an attachment")
    ResponseEntity<Resource> attachment(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("number") long number,
            @PathVariable("attachment") long attachment)
            throws IOException {
        var download = attachments.open(person.accountId(), new TicketId(number), attachment);
        return FileResponses.attachment(
                download.fileName(), download.contentType(), download.size(), download.sha256(), download.content());
    }

    @PostMapping(path = "/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file to an open ticket; its type is detected from its bytes")
    ResponseEntity<Created> attach(
            @AuthenticationPrincipal SignedInPerson person,
            @PathVariable("number") long number,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        try (var content = file.getInputStream()) {
            var id = attachments.attach(person.accountId(), new TicketId(number), file.getOriginalFilename(), content);
            return ResponseEntity.created(URI.create("/api/v1/tickets/" + number + "/attachments/" + id))
                    .body(new Created(
                            number,
                            tickets.find(person.accountId(), new TicketId(number))
                                    .state()));
        }
    }
}
