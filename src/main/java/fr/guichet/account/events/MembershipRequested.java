package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/**
 * A person asked, from his account, to be associated with one more organisation (seed 002's
 * "comptes associés"): his membership there is declared, and waits for its administrators.
 */
public record MembershipRequested(
        AccountId account, String target, long organizationId, String sourceAddress, Instant occurredAt)
        implements AccountEvent {}
