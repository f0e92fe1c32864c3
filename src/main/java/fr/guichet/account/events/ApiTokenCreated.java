package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A personal API token was created. */
public record ApiTokenCreated(
        AccountId account, String target, String tokenName, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
