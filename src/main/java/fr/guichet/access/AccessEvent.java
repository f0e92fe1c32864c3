package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** Something that happened to an access request or grant, as the audit trail records it. */
public interface AccessEvent {

    /** Who acted; null when the platform did (the person left his establishment). */
    AccountId actor();

    AccessRequestId request();

    /** The requester's establishment; null for an external requester. */
    Long establishmentId();

    /** "person's e-mail → service code". */
    String target();

    String sourceAddress();

    Instant occurredAt();
}
