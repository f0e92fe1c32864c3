package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A person registered; his membership of an establishment is declared or already confirmed. */
public record AccountRegistered(
        AccountId account,
        String target,
        Long organizationId,
        boolean membershipConfirmed,
        String sourceAddress,
        Instant occurredAt)
        implements AccountEvent {}
