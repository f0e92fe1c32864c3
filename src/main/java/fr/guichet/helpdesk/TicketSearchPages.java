package fr.guichet.helpdesk;

import fr.guichet.account.SignedInPerson;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
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
    String search(@AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "produit", required = false) Long product,
            @RequestParam(name = "statut", required = false) TicketStatus status,
            @RequestParam(name = "groupe", required = false) TicketStatus.DashboardGroup group,
            @RequestParam(name = "type", required = false) TicketQuery.Kind kind,
            @RequestParam(name = "contact", required = false) String contact,
            @RequestParam(name = "du", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "au", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        var query = new TicketQuery(words, product, status, group, kind, contact, from, to, page);
        var products = reference.products();
        model.addAttribute("query", query);
        model.addAttribute("products", products);
        model.addAttribute("productNames", products.stream()
                .collect(Collectors.toMap(HelpdeskReference.ProductChoice::id, HelpdeskReference.ProductChoice::name)));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("kinds", TicketQuery.Kind.values());
        model.addAttribute("groups", TicketStatus.DashboardGroup.values());
        if (from != null && to != null && from.isAfter(to)) {
            model.addAttribute("refusal", "helpdesk.search.dates-order");
            return "helpdesk/search";
        }
        try {
            model.addAttribute("found", search.search(person.accountId(), query));
        } catch (SearchRefused refused) {
            model.addAttribute("refusal", refused.messageKey());
        }
        return "helpdesk/search";
    }
}
