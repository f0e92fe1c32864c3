package fr.guichet.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A request's lifecycle, as a table: pending until someone decides; an accepted request is the
 * grant, until revoked (by a super admin, or by the person leaving his establishment).
 */
public enum AccessStatus {
    PENDING,
    ACCEPTED,
    REFUSED,
    REVOKED,
    CANCELLED;

    private static final Map<AccessStatus, Set<AccessStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(ACCEPTED, REFUSED, CANCELLED),
            ACCEPTED, EnumSet.of(REVOKED),
            REFUSED, EnumSet.noneOf(AccessStatus.class),
            REVOKED, EnumSet.noneOf(AccessStatus.class),
            CANCELLED, EnumSet.noneOf(AccessStatus.class));

    boolean canBecome(AccessStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Pending or granted: the person may not ask again meanwhile. */
    boolean open() {
        return this == PENDING || this == ACCEPTED;
    }
}
