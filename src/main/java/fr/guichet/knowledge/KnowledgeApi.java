package fr.guichet.knowledge;

import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public knowledge base in the API: the same sheets as the public pages, to anyone, without a token. */
@RestController
@RequestMapping("/api/v1/kb")
@Tag(name = "Knowledge base")
class KnowledgeApi {

    private final KnowledgeSearch search;

    KnowledgeApi(KnowledgeSearch search) {
        this.search = search;
    }

    @GetMapping("/search")
    @Operation(
            summary =
                    "Search the published sheets: words (French-aware; a number opens its sheet; codes match whole) and filters; 50 per page")
    KnowledgeSearch.Found search(
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "product", required = false) Long product,
            @RequestParam(name = "domain", required = false) String domain,
            @RequestParam(name = "status", required = false) TicketStatus status,
            @RequestParam(name = "version", required = false) String version,
            @Parameter(description = "a message or error code, matched whole (ORA-01403, FB60)")
                    @RequestParam(name = "code", required = false)
                    String code,
            @Parameter(description = "from 0; at most 199 (10,000 results)")
                    @RequestParam(name = "page", defaultValue = "0")
                    int page) {
        return search.search(new KnowledgeQuery(words, product, domain, status, version, code, page));
    }

    @GetMapping("/{number}")
    @Operation(summary = "A published sheet by its ticket number (404 when it is not published)")
    SheetView sheet(@PathVariable long number) {
        return search.sheet(number).orElseThrow(NotFoundException::new);
    }
}
