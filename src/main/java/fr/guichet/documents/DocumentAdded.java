package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A new file in a space; its subscribers are told if its area is open to them. */
public record DocumentAdded(
        AccountId actor,
        String ownerKind,
        long ownerId,
        DocumentId document,
        String title,
        Area area,
        Instant occurredAt) {}
