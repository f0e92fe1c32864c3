package fr.guichet.account;

import java.time.Instant;

/** The new address was verified and replaced the old one (the target). */
public record EmailChanged(AccountId account, String target, String newEmail, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
