package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The person changed his coordinates or preferences. */
public record CoordinatesChanged(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
