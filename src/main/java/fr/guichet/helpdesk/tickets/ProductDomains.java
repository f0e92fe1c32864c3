package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.FilingRefused;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The functional domains of a product, as the reference data keeps them: a ticket's domain is one of
 * them, so that the knowledge base's filter and the statistics group tickets alike, never a free text.
 */
record ProductDomains(String product, List<String> names) {

    /** A domain that is not one of the product's: what was sent is refused, not the state of things. */
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    static class UnknownDomain extends FilingRefused {

        UnknownDomain(String domain, String product) {
            super("helpdesk.filing.domain-unknown", domain, product);
        }
    }

    /** A ticket without a product (a simple request) has no domain to choose among. */
    static ProductDomains of(HelpdeskReference reference, @Nullable ProductId product) {
        return product == null
                ? new ProductDomains("—", List.of())
                : new ProductDomains(reference.productName(product).orElse("—"), reference.domains(product));
    }

    /** The product's domain named (as kept, whatever its case), none when nothing is named; else refused. */
    @Nullable
    String chosen(@Nullable String named) {
        if (named == null || named.isBlank()) {
            return null;
        }
        var wanted = named.strip().toLowerCase(Locale.ROOT);
        return names.stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new UnknownDomain(named.strip(), product));
    }
}
