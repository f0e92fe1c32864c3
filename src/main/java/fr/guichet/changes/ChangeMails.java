package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Recipient;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A decision is told to the establishment's correspondents of the product, the requester among
 * them, in the decision's transaction: one message per language, the requester first.
 */
@Component
class ChangeMails {

    private final Outbox outbox;
    private final Accounts accounts;
    private final CorrespondentSites reference;
    private final PublicAddress address;
    private final Chapters chapters;

    private final Alerts alerts;

    ChangeMails(
            Outbox outbox,
            Accounts accounts,
            CorrespondentSites reference,
            PublicAddress address,
            Chapters chapters,
            Alerts alerts) {
        this.alerts = alerts;
        this.chapters = chapters;
        this.outbox = outbox;
        this.accounts = accounts;
        this.reference = reference;
        this.address = address;
    }

    /**
     * Who is told of a decision on it: the site's correspondents (the establishment's, for its own
     * data), the requester first if he still is one; a former one is told nothing more.
     */
    List<AccountId> concerned(ChangeRequest request) {
        var product = request.product();
        var site = product == null
                ? reference.correspondents(request.establishment())
                : reference.correspondents(request.establishment(), product);
        var people = new LinkedHashSet<AccountId>();
        if (site.contains(request.requester())) {
            people.add(request.requester());
        }
        people.addAll(site);
        return List.copyOf(people);
    }

    /** Those told before it applied, and whoever it named: a newcomer hears that he now is one. */
    void decided(ChangeRequest request, ChangeView view, List<AccountId> toldBefore) {
        var people = new LinkedHashSet<>(toldBefore);
        people.addAll(concerned(request));
        var template = view.outdated()
                ? "change-outdated"
                : view.status() == ChangeStatus.VALIDATED ? "change-validated" : "change-refused";
        var chapter = chapters.of(request.kind());
        // the answer to his own request always reaches the requester; the other correspondents, as they chose
        var requester = people.contains(request.requester())
                ? accounts.recipients(List.of(request.requester()))
                : List.<Recipient>of();
        people.remove(request.requester());
        var readers = alerts.sort(AlertKind.CHANGE_DECISIONS, people);
        var byLanguage = new LinkedHashMap<Locale, List<String>>();
        for (Recipient person : requester) {
            byLanguage.computeIfAbsent(person.locale(), l -> new ArrayList<>()).add(person.email());
        }
        for (Recipient person : readers.immediate()) {
            byLanguage.computeIfAbsent(person.locale(), l -> new ArrayList<>()).add(person.email());
        }
        for (Recipient person : readers.digest()) {
            alerts.hold(
                    AlertKind.CHANGE_DECISIONS,
                    List.of(person),
                    template,
                    variables(view, chapter.describe(request.after(), person.locale())));
        }
        // the data in each reader's words, not in the deciding agent's
        byLanguage.forEach((language, emails) -> outbox.enqueue(new OutgoingMail(
                emails.subList(0, 1),
                emails.subList(1, emails.size()),
                language,
                template,
                variables(view, chapter.describe(request.after(), language)))));
    }

    private Map<String, Object> variables(ChangeView view, String after) {
        return Map.of(
                "number", view.id().value(),
                "kind", view.kind().name(),
                "product", view.productName() == null ? "" : ", " + view.productName(),
                "establishment", view.establishmentName(),
                "after", after,
                "reason", view.reason() == null ? "" : view.reason(),
                "link",
                        address.link(
                                "/espace-correspondant/demandes/{id}", view.id().value()));
    }
}
