package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Something that happened to an access request or grant, as the audit trail records it. */
public interface AccessEvent {

    /** Who acted; null when the platform did (the person left his establishment). */
    @Nullable
    AccountId actor();

    AccessRequestId request();

    /** The requester's establishment; null for an external requester. */
    @Nullable
    Long establishmentId();

    /** "person's e-mail → service code". */
    String target();

    String sourceAddress();

    Instant occurredAt();
}
