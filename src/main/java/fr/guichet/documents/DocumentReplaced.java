package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A new version of a file; the older ones are kept. Not "a new file": nobody is e-mailed. */
public record DocumentReplaced(
        AccountId actor,
        String ownerKind,
        long ownerId,
        DocumentId document,
        String title,
        int version,
        Instant occurredAt) {}
