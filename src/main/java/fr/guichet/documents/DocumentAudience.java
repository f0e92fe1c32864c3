package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Who reads and who writes the document spaces of one kind of owner (services, products). The owning module implements it as a bean; the documents module asks it on every
 * act, so the rule lives with the grants it depends on.
 */
@NamedInterface("audience")
public interface DocumentAudience {

    /** The kind of owner this audience answers for, e.g. {@code "service"}. */
    String ownerKind();

    /** The owner's name for pages and e-mails; empty when there is no such owner. */
    Optional<String> ownerName(long ownerId, Locale locale);

    /** May list and download the space's files (areas open to readers). */
    boolean mayRead(AccountId person, long ownerId);

    /** May upload, replace and remove files, and see every area (the agency's staff). */
    boolean mayWrite(AccountId person, long ownerId);

    /** Who is told of each new file unless he unsubscribed or chose not to hear of new documents (alerts). */
    List<AccountId> readers(long ownerId);

    /**
     * Addresses that are no one's account but are told of each new file too, e.g. an
     * establishment's generic project address for a product: the owner keeps them, and whoever may
     * change them answers for who reads there.
     */
    default List<Mailbox> mailboxes(long ownerId) {
        return List.of();
    }

    /**
     * A shared address, the language its e-mails are written in, and whom their greeting names.
     */
    record Mailbox(String email, Locale locale, String name) {}
}
