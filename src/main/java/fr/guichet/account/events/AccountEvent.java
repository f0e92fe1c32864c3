package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/**
 * Something that happened to an account, as the audit trail records it. {@link #account()} is
 * null when no account is known (a failed sign-in never says whether the address exists).
 */
public interface AccountEvent {

    AccountId account();

    /** The e-mail address concerned. */
    String target();

    String sourceAddress();

    Instant occurredAt();
}
