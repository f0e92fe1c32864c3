package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The person changed his password from "Mon compte". */
public record PasswordChanged(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
