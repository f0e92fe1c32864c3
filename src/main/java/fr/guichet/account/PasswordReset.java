package fr.guichet.account;

import java.time.Instant;

/** The person chose a new password through a reset link. */
public record PasswordReset(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
