package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A refused sign-in, for whatever address was typed (throttled or bad credentials). */
public record SignInFailed(
        AccountId account, String target, boolean throttled, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
