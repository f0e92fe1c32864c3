package fr.guichet.helpdesk.search;

import fr.guichet.account.SignedInPerson;
import fr.guichet.helpdesk.SearchRefused;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.shared.SearchAnalysis;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Rechercher une demande": by number, words and filters, among the tickets the reader may see. */
@Controller
class TicketSearchPages {

    private final TicketSearch search;
    private final HelpdeskReference reference;

    TicketSearchPages(TicketSearch search, HelpdeskReference reference) {
        this.search = search;
        this.reference = reference;
    }

    @GetMapping("/demandes/recherche")
    String search(
            @AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "produit", required = false) Long product,
            @RequestParam(name = "statut", required = false) TicketStatus status,
            @RequestParam(name = "groupe", required = false) TicketStatus.DashboardGroup group,
            @RequestParam(name = "type", required = false) TicketQuery.Kind kind,
            @RequestParam(name = "contact", required = false) String contact,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model,
            HttpServletResponse response) {
        var products = reference.products();
        model.addAttribute("products", products);
        model.addAttribute(
                "productNames",
                products.stream()
                        .collect(Collectors.toMap(
                                HelpdeskReference.ProductChoice::id, HelpdeskReference.ProductChoice::name)));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("kinds", TicketQuery.Kind.values());
        model.addAttribute("groups", TicketStatus.DashboardGroup.values());
        try {
            var query = new TicketQuery(words, product, status, group, kind, contact, from, to, page);
            model.addAttribute("query", query);
            if (from != null && to != null && from.isAfter(to)) {
                throw new SearchRefused("helpdesk.search.dates-order");
            }
            model.addAttribute("found", search.search(person.accountId(), query));
        } catch (SearchRefused refused) {
            // the form again with his criteria (words too long to search are not kept), and why nothing was searched
            var kept = words != null && words.strip().length() > SearchAnalysis.MAX_QUERY_LENGTH ? null : words;
            model.addAttribute("query", new TicketQuery(kept, product, status, group, kind, contact, from, to, 0));
            model.addAttribute("refusal", refused.messageKey());
            model.addAttribute("refusalArguments", refused.arguments());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "helpdesk/search";
    }
}
