package fr.guichet.connect;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A catalogue service was registered as an OIDC client; its secrets were shown once. */
public record ConnectedServiceRegistered(
        AccountId actor, String target, long serviceId, String sourceAddress, Instant occurredAt)
        implements ConnectedServiceEvent {}
