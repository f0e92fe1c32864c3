package fr.guichet.account;

import java.time.Instant;

/** The person downloaded all his personal data. */
public record PersonalDataExported(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
