package fr.guichet.documents;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.alerts.AlertKind;
import fr.guichet.alerts.Alerts;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One e-mail per subscriber for each new file, once the file is committed: every reader of the
 * space but those who unsubscribed and the person who added it, each as he chose (alerts: at once,
 * in his digest, or not at all). A file in an area closed to
 * readers is news to nobody. The owner's shared addresses ({@link DocumentAudience#mailboxes}) are
 * told too, once each, unless a reader was already written to there. All the mails are written in
 * one transaction: a failure writes none, and the event is retried, so nobody gets two.
 */
@Component
class NewDocumentMails {

    private final Audiences audiences;
    private final Subscriptions subscriptions;
    private final Accounts accounts;
    private final Outbox outbox;
    private final DocumentsProperties properties;
    private final PublicAddress address;
    private final Alerts alerts;

    NewDocumentMails(
            Audiences audiences,
            Subscriptions subscriptions,
            Accounts accounts,
            Outbox outbox,
            DocumentsProperties properties,
            PublicAddress address,
            Alerts alerts) {
        this.alerts = alerts;
        this.audiences = audiences;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.outbox = outbox;
        this.properties = properties;
        this.address = address;
    }

    @ApplicationModuleListener
    void on(DocumentAdded added) {
        var audience = audiences.find(added.ownerKind()).orElse(null);
        // a file in a space removed meanwhile is news to nobody
        if (audience == null
                || !added.area().openToReaders()
                || audience.ownerName(added.ownerId(), Locale.FRENCH).isEmpty()) {
            return;
        }
        var unsubscribed = subscriptions.unsubscribedFrom(added.ownerKind(), added.ownerId());
        var link = address.link(
                properties.spaceLinks().get(added.ownerKind()).replace("{id}", Long.toString(added.ownerId())));
        var spaceNames = new HashMap<Locale, Optional<String>>();
        // a reader listed twice (two grants) still gets one mail
        var readers = new LinkedHashSet<>(audience.readers(added.ownerId()))
                .stream()
                        .filter(r -> !r.equals(added.actor()) && !unsubscribed.contains(r.value()))
                        .toList();
        var names = new HashMap<AccountId, String>();
        accounts.find(readers).forEach(p -> names.put(p.id(), p.displayName()));
        var told = new HashSet<String>();
        alerts.tell(AlertKind.NEW_DOCUMENTS, readers, "document-added", person -> {
            told.add(person.email().toLowerCase(Locale.ROOT));
            var space = spaceNames.computeIfAbsent(person.locale(), l -> audience.ownerName(added.ownerId(), l));
            return Map.of(
                    "name", names.getOrDefault(person.id(), person.email()),
                    "space", space.orElse(""),
                    "title", added.title(),
                    "link", link,
                    "mailbox", "");
        });
        for (var mailbox : audience.mailboxes(added.ownerId())) {
            if (told.add(mailbox.email().toLowerCase(Locale.ROOT))) {
                spaceNames
                        .computeIfAbsent(mailbox.locale(), l -> audience.ownerName(added.ownerId(), l))
                        .ifPresent(space -> outbox.enqueue(new OutgoingMail(
                                mailbox.email(),
                                mailbox.locale(),
                                "document-added",
                                Map.of(
                                        "name", mailbox.name(),
                                        "space", space,
                                        "title", added.title(),
                                        "link", link,
                                        "mailbox", mailbox.name()))));
            }
        }
    }
}
