package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The person followed the verification link and chose a password. */
public record AccountActivated(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
