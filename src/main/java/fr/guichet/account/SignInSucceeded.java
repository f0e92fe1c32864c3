package fr.guichet.account;

import java.time.Instant;

/** A successful sign-in. */
public record SignInSucceeded(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
