package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The new address was verified and replaced the old one (the target). */
public record EmailChanged(AccountId account, String target, String newEmail, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
