package fr.guichet.knowledge;

import fr.guichet.helpdesk.PublishableTickets;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public knowledge base ("Rechercher dans la base de connaissance"): anyone, without an
 * account, searches the published sheets and opens one; a member writing a new ticket is shown the
 * most similar ones.
 */
@Controller
class KnowledgePages {

    /** The statuses a published sheet can have: those of the lifecycle's publication rule ({@code helpdesk.Publication}). */
    static final TicketStatus[] PUBLISHED_STATUSES = Arrays.stream(TicketStatus.values())
            .filter(s -> s.knownIssue() || s == TicketStatus.TER || s == TicketStatus.REJ)
            .toArray(TicketStatus[]::new);

    private final KnowledgeSearch search;
    private final PublishableTickets tickets;

    KnowledgePages(KnowledgeSearch search, PublishableTickets tickets) {
        this.search = search;
        this.tickets = tickets;
    }

    @GetMapping("/connaissance")
    String search(
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "produit", required = false) Long product,
            @RequestParam(name = "domaine", required = false) String domain,
            @RequestParam(name = "statut", required = false) TicketStatus status,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("products", tickets.products());
        model.addAttribute("statuses", PUBLISHED_STATUSES);
        try {
            var query = new KnowledgeQuery(words, product, domain, status, version, code, page);
            // a sheet's number typed alone is that sheet asked for by name: it opens, the filters aside
            var number = query.number();
            if (number != null && search.sheet(number).isPresent()) {
                return "redirect:/connaissance/" + number;
            }
            model.addAttribute("query", query);
            if (query.words() != null || query.filtered()) {
                model.addAttribute("found", search.search(query));
            }
        } catch (SheetRefused refused) {
            model.addAttribute("query", new KnowledgeQuery(null, product, domain, status, version, code, 0));
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", refused.arguments());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "knowledge/search";
    }

    @GetMapping("/connaissance/{number}")
    String sheet(@PathVariable long number, Model model) {
        model.addAttribute("sheet", search.sheet(number).orElseThrow(NotFoundException::new));
        return "knowledge/sheet";
    }

    /** The new-ticket form's suggestions while its title is typed (htmx, a fragment). */
    @GetMapping("/connaissance/similaires")
    String similar(
            @RequestParam(name = "produit", required = false) Long product,
            @RequestParam(name = "title", required = false) String typed,
            Model model) {
        model.addAttribute("similar", product == null ? List.of() : search.similar(product, typed));
        return "knowledge/similar :: similar";
    }
}
