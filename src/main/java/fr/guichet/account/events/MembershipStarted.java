package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/** A person joined an organisation (added by an admin, or invited as a new user). */
public record MembershipStarted(
        AccountId account,
        String target,
        long organizationId,
        boolean invited,
        String sourceAddress,
        Instant occurredAt) {}
