package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A successful sign-in. */
public record SignInSucceeded(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
