package fr.guichet.account;

import java.time.Instant;

/** The person changed his coordinates or preferences. */
public record CoordinatesChanged(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
