package fr.guichet.events;

import fr.guichet.account.InterestDomain;
import fr.guichet.news.Target;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An event as it is read, its sessions with how many hold a place, wait, or wait for agreement. */
record EventView(
        long id,
        String title,
        String description,
        EventKind kind,
        @Nullable Long productId,
        Set<InterestDomain> domains,
        Target audience,
        Instant opensAt,
        Instant deadline,
        boolean needsApproval,
        boolean showsParticipants,
        boolean cancelled,
        @Nullable Long announcementId,
        List<SessionView> sessions) {

    public boolean open(Instant now) {
        return !cancelled && !now.isBefore(opensAt) && !now.isAfter(deadline);
    }

    public List<SessionView> heldSessions() {
        return sessions.stream().filter(s -> !s.cancelled()).toList();
    }

    /** Over once its last session has ended (or all are cancelled). */
    public boolean over(Instant now) {
        return heldSessions().stream().allMatch(s -> !s.end().isAfter(now));
    }

    @Nullable
    public SessionView session(long sessionId) {
        return sessions.stream().filter(s -> s.id() == sessionId).findFirst().orElse(null);
    }

    record SessionView(
            long id,
            long eventId,
            Instant start,
            Instant end,
            @Nullable String place,
            @Nullable String address,
            @Nullable String videoLink,
            int capacity,
            int sequence,
            boolean cancelled,
            int confirmed,
            int waiting,
            int pending) {

        public int placesLeft() {
            return Math.max(0, capacity - confirmed);
        }

        public boolean started(Instant now) {
            return !start.isAfter(now);
        }
    }
}
