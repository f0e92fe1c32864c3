package fr.guichet.documents;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
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
 * space but those who unsubscribed and the person who added it. A file in an area closed to
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
        var announcement = new Announcement(
                outbox,
                added,
                audience,
                address.link(
                        properties.spaceLinks().get(added.ownerKind()).replace("{id}", Long.toString(added.ownerId()))),
                new HashMap<>());
        var told = new HashSet<String>();
        // a reader listed twice (two grants) still gets one mail
        for (AccountId reader : new LinkedHashSet<>(audience.readers(added.ownerId()))) {
            if (reader.equals(added.actor()) || unsubscribed.contains(reader.value())) {
                continue;
            }
            var person = accounts.find(reader).filter(PersonView::active);
            if (person.isEmpty()) {
                continue;
            }
            told.add(person.get().email().toLowerCase(Locale.ROOT));
            announcement.tell(
                    person.get().email(),
                    accounts.localeOf(reader),
                    person.get().displayName(),
                    "");
        }
        for (var mailbox : audience.mailboxes(added.ownerId())) {
            if (told.add(mailbox.email().toLowerCase(Locale.ROOT))) {
                announcement.tell(mailbox.email(), mailbox.locale(), mailbox.name(), mailbox.name());
            }
        }
    }

    /** One new file told to one address after another; the space's name asked once per language, not once per reader. */
    private record Announcement(
            Outbox outbox,
            DocumentAdded added,
            DocumentAudience audience,
            String link,
            Map<Locale, Optional<String>> spaceNames) {

        /** @param mailbox whose shared address it is, "" for a reader's own */
        void tell(String email, Locale locale, String name, String mailbox) {
            spaceNames
                    .computeIfAbsent(locale, l -> audience.ownerName(added.ownerId(), l))
                    .ifPresent(space -> outbox.enqueue(new OutgoingMail(
                            email,
                            locale,
                            "document-added",
                            Map.of(
                                    "name", name,
                                    "space", space,
                                    "title", added.title(),
                                    "link", link,
                                    "mailbox", mailbox))));
        }
    }
}
