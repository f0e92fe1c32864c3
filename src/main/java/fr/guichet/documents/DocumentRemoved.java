package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A file and all its versions were deleted. */
public record DocumentRemoved(
        AccountId actor, String ownerKind, long ownerId, DocumentId document, String title, Instant occurredAt) {}
