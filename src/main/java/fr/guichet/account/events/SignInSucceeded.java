package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.SignInMethod;
import java.time.Instant;

/** A successful sign-in, and how the person proved who he is. */
public record SignInSucceeded(
        AccountId account, String target, SignInMethod method, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
