package fr.guichet.documents;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * One e-mail per subscriber for each new file, once the file is committed: every reader of the
 * space but those who unsubscribed and the person who added it. A file in an area closed to
 * readers is news to nobody. All the mails are written in one transaction: a failure writes none,
 * and the event is retried, so nobody gets two.
 */
@Component
class NewDocumentMails {

    private final Audiences audiences;
    private final Subscriptions subscriptions;
    private final Accounts accounts;
    private final Outbox outbox;
    private final DocumentsProperties properties;
    private final PublicAddress address;

    NewDocumentMails(
            Audiences audiences,
            Subscriptions subscriptions,
            Accounts accounts,
            Outbox outbox,
            DocumentsProperties properties,
            PublicAddress address) {
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
        if (audience == null || !added.area().openToReaders()) {
            return;
        }
        var unsubscribed = subscriptions.unsubscribedFrom(added.ownerKind(), added.ownerId());
        var link = address.link(
                properties.spaceLinks().get(added.ownerKind()).replace("{id}", Long.toString(added.ownerId())));
        // asked once per language, not once per reader
        var spaceNames = new HashMap<Locale, Optional<String>>();
        // a reader listed twice (two grants) still gets one mail
        for (AccountId reader : new LinkedHashSet<>(audience.readers(added.ownerId()))) {
            if (reader.equals(added.actor()) || unsubscribed.contains(reader.value())) {
                continue;
            }
            var person = accounts.find(reader).filter(PersonView::active);
            if (person.isEmpty()) {
                continue;
            }
            var locale = accounts.localeOf(reader);
            spaceNames
                    .computeIfAbsent(locale, l -> audience.ownerName(added.ownerId(), l))
                    .ifPresent(space -> outbox.enqueue(new OutgoingMail(
                            person.get().email(),
                            locale,
                            "document-added",
                            Map.of(
                                    "name",
                                    person.get().displayName(),
                                    "space",
                                    space,
                                    "title",
                                    added.title(),
                                    "link",
                                    link))));
        }
    }
}
