package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Who reads and who writes the document spaces of one kind of owner (services now, products
 * later). The owning module implements it as a bean; the documents module asks it on every
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

    /** Who is told of each new file unless he unsubscribed: by default every reader. */
    List<AccountId> readers(long ownerId);
}
