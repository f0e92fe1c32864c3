package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** The person downloaded all his personal data. */
public record PersonalDataExported(AccountId account, String target, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
