package fr.guichet.connect;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A connected service was disabled: its client is unknown from now on, its tokens no longer refresh. */
public record ConnectedServiceDisabled(
        AccountId actor, String target, long serviceId, String sourceAddress, Instant occurredAt)
        implements ConnectedServiceEvent {}
