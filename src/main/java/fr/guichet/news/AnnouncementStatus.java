package fr.guichet.news;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An announcement's life: written for a date (SCHEDULED), then its audience is fixed and told in
 * batches (SENDING), until everyone is told (SENT). An agent may withdraw it at any point: it is no
 * longer shown, and whom it was not yet told is not told.
 */
public enum AnnouncementStatus {
    SCHEDULED,
    SENDING,
    SENT,
    WITHDRAWN;

    private static final Map<AnnouncementStatus, Set<AnnouncementStatus>> NEXT = Map.of(
            SCHEDULED, EnumSet.of(SENDING, WITHDRAWN),
            SENDING, EnumSet.of(SENT, WITHDRAWN),
            SENT, EnumSet.of(WITHDRAWN),
            WITHDRAWN, EnumSet.noneOf(AnnouncementStatus.class));

    boolean mayBecome(AnnouncementStatus next) {
        return NEXT.get(this).contains(next);
    }
}
