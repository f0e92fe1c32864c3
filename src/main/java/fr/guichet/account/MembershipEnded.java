package fr.guichet.account;

import java.time.Instant;

/** A person left an organisation (removed by an admin); when it was his last, his account is disabled. */
public record MembershipEnded(AccountId account, String target, long organizationId, boolean accountDisabled,
        String sourceAddress, Instant occurredAt) {
}
