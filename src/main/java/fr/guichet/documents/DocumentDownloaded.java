package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** Someone downloaded a file of the owner's space (for statistics). */
public record DocumentDownloaded(String ownerKind, long ownerId, AccountId person, Instant at) {
}
