package fr.guichet.connect;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** New client and webhook secrets replaced the old ones, which stopped working at once. */
public record ConnectedServiceSecretsRotated(
        AccountId actor, String target, long serviceId, String sourceAddress, Instant occurredAt)
        implements ConnectedServiceEvent {}
