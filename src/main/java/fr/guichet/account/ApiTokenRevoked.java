package fr.guichet.account;

import java.time.Instant;

/** A personal API token was revoked. */
public record ApiTokenRevoked(
        AccountId account, String target, String tokenName, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
