package fr.guichet.helpdesk.search;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The list of {@code /api/v1/tickets}: the search of the pages, filtered by what the caller may see. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketSearchApi {

    private final TicketSearch search;

    TicketSearchApi(TicketSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(
            summary =
                    "Search the tickets the caller may see (all of them without criteria), newest first or best match "
                            + "first with words; 25 per page")
    TicketSearch.Found list(
            @AuthenticationPrincipal SignedInPerson person,
            @Parameter(description = "a number, or words of the title, description or message code")
                    @RequestParam(name = "q", required = false)
                    String words,
            @RequestParam(name = "product", required = false) Long product,
            @RequestParam(name = "status", required = false) TicketStatus status,
            @Parameter(description = "the requester dashboard's group of statuses")
                    @RequestParam(name = "group", required = false)
                    TicketStatus.DashboardGroup group,
            @RequestParam(name = "type", required = false) TicketQuery.Kind kind,
            @Parameter(description = "part of the requester's name or e-mail")
                    @RequestParam(name = "contact", required = false)
                    String contact,
            @RequestParam(name = "openedFrom", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(name = "openedTo", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page) {
        return search.search(
                person.accountId(), new TicketQuery(words, product, status, group, kind, contact, from, to, page));
    }
}
