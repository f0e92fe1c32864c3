package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The person chose a new password through a reset link. */
public record PasswordReset(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
