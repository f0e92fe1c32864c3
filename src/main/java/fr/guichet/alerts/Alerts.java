package fr.guichet.alerts;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Recipient;
import fr.guichet.notification.Digests;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The modules' one way to tell people of an event they may choose not to hear of: who, among
 * those concerned, hears it now, who in his digest, and who not at all. Each e-mail says why its
 * readers receive it and links to the choice that governs it.
 */
@Service
public class Alerts {

    /** Active people the event reaches, each in his language, in the order asked. */
    public record Readers(List<Recipient> immediate, List<Recipient> digest) {

        public boolean none() {
            return immediate.isEmpty() && digest.isEmpty();
        }
    }

    private final Accounts accounts;
    private final AlertPreferences preferences;
    private final Outbox outbox;
    private final Digests digests;
    private final UnsubscribeLinks unsubscribeLinks;
    private final PublicAddress address;

    Alerts(
            Accounts accounts,
            AlertPreferences preferences,
            Outbox outbox,
            Digests digests,
            UnsubscribeLinks unsubscribeLinks,
            PublicAddress address) {
        this.accounts = accounts;
        this.preferences = preferences;
        this.outbox = outbox;
        this.digests = digests;
        this.unsubscribeLinks = unsubscribeLinks;
        this.address = address;
    }

    /** Sorts the people concerned by how this kind reaches each; the disabled and those who switched it off are left out. */
    @Transactional(readOnly = true)
    public Readers sort(AlertKind kind, Collection<AccountId> people) {
        var recipients = accounts.recipients(people);
        var deliveries = preferences.deliveries(
                kind, recipients.stream().map(Recipient::id).toList());
        var immediate = new ArrayList<Recipient>();
        var digest = new ArrayList<Recipient>();
        for (var recipient : recipients) {
            var delivery = deliveries.getOrDefault(recipient.id(), Delivery.IMMEDIATE);
            if (delivery == Delivery.IMMEDIATE) {
                immediate.add(recipient);
            } else if (delivery == Delivery.DIGEST) {
                digest.add(recipient);
            }
        }
        return new Readers(List.copyOf(immediate), List.copyOf(digest));
    }

    /** The footer of a message to several readers of this kind: why, and where to change it. */
    public OutgoingMail.Why why(AlertKind kind) {
        return new OutgoingMail.Why("alerts.why." + kind.name(), preferenceLink(kind), null);
    }

    /** Holds this message for the digest of each of these people, in his language. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(AlertKind kind, Collection<Recipient> people, String template, Map<String, Object> variables) {
        for (var person : people) {
            digests.hold(
                    person.id().value(),
                    new OutgoingMail(person.email(), person.locale(), template, variables).because(why(kind)));
        }
    }

    /**
     * One message per person: at once, with the link that stops the kind in one click when it is sent
     * in bulk, or held for his digest. Returns how many people it reached.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int tell(
            AlertKind kind,
            Collection<AccountId> people,
            String template,
            Function<Recipient, Map<String, Object>> variables) {
        var readers = sort(kind, people);
        for (var person : readers.immediate()) {
            var why = kind.bulk()
                    ? new OutgoingMail.Why(
                            "alerts.why." + kind.name(), preferenceLink(kind), unsubscribeLinks.link(person.id(), kind))
                    : why(kind);
            outbox.enqueue(
                    new OutgoingMail(person.email(), person.locale(), template, variables.apply(person)).because(why));
        }
        for (var person : readers.digest()) {
            digests.hold(
                    person.id().value(),
                    new OutgoingMail(person.email(), person.locale(), template, variables.apply(person))
                            .because(why(kind)));
        }
        return readers.immediate().size() + readers.digest().size();
    }

    private String preferenceLink(AlertKind kind) {
        return address.link("/compte/alertes") + "#" + kind.name();
    }
}
