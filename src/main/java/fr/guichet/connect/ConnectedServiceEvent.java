package fr.guichet.connect;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A platform admin's act on a connected service, as the audit trail records it. */
public interface ConnectedServiceEvent {

    AccountId actor();

    /** The client id, which names the service in the exchanges with it. */
    String target();

    long serviceId();

    String sourceAddress();

    Instant occurredAt();
}
