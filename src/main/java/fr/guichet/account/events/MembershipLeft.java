package fr.guichet.account.events;

import fr.guichet.account.AccountId;
import java.time.Instant;

/**
 * A person ended one of his memberships himself, from his account: he left the organisation, or
 * withdrew a request still waiting ({@code withdrawn}). {@link MembershipEnded} follows it, as for any end.
 */
public record MembershipLeft(
        AccountId account,
        String target,
        long organizationId,
        boolean withdrawn,
        String sourceAddress,
        Instant occurredAt)
        implements AccountEvent {}
