package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Requests as pages, the API and the trail read them: names instead of ids, data in words. */
@Component
class ChangeViews {

    private final Chapters chapters;
    private final CorrespondentSites reference;
    private final Accounts accounts;
    private final Organizations organizations;

    ChangeViews(Chapters chapters, CorrespondentSites reference, Accounts accounts, Organizations organizations) {
        this.chapters = chapters;
        this.reference = reference;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** What the trail says a request is about: its kind, product and data, in no one's language. */
    String subject(ChangeRequest request) {
        var product = request.product();
        return request.kind() + " product " + (product == null ? "-" : product.value()) + ": "
                + chapters.of(request.kind()).describe(request.after(), Locale.ROOT);
    }

    private String describe(ChangeKind kind, String data) {
        return chapters.of(kind).describe(data, LocaleContextHolder.getLocale());
    }

    ChangeView view(ChangeRequest request) {
        return views(List.of(request)).get(0);
    }

    /**
     * Many requests, their names read in one query per kind of name: the agency's queue may hold
     * thousands, and one lookup per request and name held it back.
     */
    List<ChangeView> views(List<ChangeRequest> found) {
        var people = new HashSet<AccountId>();
        found.forEach(r -> {
            people.add(r.requester());
            var decidedBy = r.decidedBy();
            if (decidedBy != null) {
                people.add(decidedBy);
            }
        });
        var names = new HashMap<AccountId, String>();
        accounts.find(people).forEach(p -> names.put(p.id(), p.displayName()));
        var establishments = new HashMap<OrganizationId, String>();
        organizations
                .findAll(found.stream()
                        .map(ChangeRequest::establishment)
                        .distinct()
                        .toList())
                .forEach(o -> establishments.put(o.id(), o.name()));
        var products = new HashMap<ProductId, Optional<String>>();
        return found.stream()
                .map(request -> {
                    var product = request.product();
                    var decidedBy = request.decidedBy();
                    var proof = request.proof();
                    return new ChangeView(
                            request.id(),
                            request.kind(),
                            request.establishment(),
                            establishments.getOrDefault(request.establishment(), "—"),
                            product,
                            product == null
                                    ? null
                                    : products.computeIfAbsent(product, reference::productName)
                                            .orElse(null),
                            request.requester(),
                            names.getOrDefault(request.requester(), "—"),
                            request.status(),
                            request.before() == null ? null : describe(request.kind(), request.before()),
                            describe(request.kind(), request.after()),
                            proof == null ? null : proof.name(),
                            request.reason(),
                            request.createdAt(),
                            request.decidedAt(),
                            decidedBy == null ? null : names.get(decidedBy),
                            request.outdated());
                })
                .toList();
    }
}
