package fr.guichet.documents;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/** Someone downloaded a file of the owner's space: its owner may count it as a use (the access review does). */
@NamedInterface("audience")
public record DocumentDownloaded(String ownerKind, long ownerId, AccountId person, Instant at) {}
