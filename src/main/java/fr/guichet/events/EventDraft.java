package fr.guichet.events;

import fr.guichet.account.InterestDomain;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An event as an agent publishes or changes it, its rules checked here whatever wrote it (the form,
 * the demo, a test): the page says which one broke and nothing is saved.
 */
record EventDraft(
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
        List<SessionDraft> sessions) {

    static final int MAX_SESSIONS = 20;

    /**
     * The dates a form may give: what both databases hold (PostgreSQL's timestamps start in 4713 BC,
     * a typed "-9999" would fail the insert) and what an agency plans.
     */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** The criteria an event's audience may use: whom the agency invites, not what they read. */
    static final Set<Criterion> AUDIENCE_CRITERIA =
            EnumSet.of(Criterion.ESTABLISHMENT, Criterion.CORRESPONDENTS, Criterion.SERVICE);

    EventDraft {
        title = title == null ? "" : title.strip();
        description = description == null ? "" : description.strip();
        if (title.isEmpty()) {
            throw new EventRefusal("events.refused.title-required");
        }
        if (title.length() > 200) {
            throw new EventRefusal("events.refused.title-too-long", 200);
        }
        if (description.isEmpty()) {
            throw new EventRefusal("events.refused.description-required");
        }
        if (description.length() > 20_000) {
            throw new EventRefusal("events.refused.description-too-long", 20_000);
        }
        if (kind == null) {
            throw new EventRefusal("events.refused.kind-required");
        }
        domains = domains == null || domains.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(domains));
        if (audience == null) {
            throw new EventRefusal("events.refused.audience-required");
        }
        if (!audience.everyone()) {
            if (audience.criteria().isEmpty()) {
                throw new EventRefusal("events.refused.audience-required");
            }
            if (!AUDIENCE_CRITERIA.containsAll(audience.criteria().keySet())) {
                throw new EventRefusal("events.refused.audience-required");
            }
        }
        if (opensAt == null || deadline == null) {
            throw new EventRefusal("events.refused.dates-required");
        }
        if (!plausible(opensAt) || !plausible(deadline)) {
            throw new EventRefusal("events.refused.date-out-of-range");
        }
        if (!deadline.isAfter(opensAt)) {
            throw new EventRefusal("events.refused.deadline-before-opening");
        }
        sessions = List.copyOf(sessions == null ? List.of() : sessions);
        if (sessions.size() > MAX_SESSIONS) {
            throw new EventRefusal("events.refused.too-many-sessions", MAX_SESSIONS);
        }
        var held = sessions.stream().filter(s -> !s.cancelled()).toList();
        if (held.isEmpty()) {
            throw new EventRefusal("events.refused.session-required");
        }
        var first = held.stream()
                .map(SessionDraft::start)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        if (deadline.isAfter(first)) {
            throw new EventRefusal("events.refused.deadline-after-start");
        }
    }

    /** A session: when, where (a place, a video link, or both), for how many. */
    record SessionDraft(
            @Nullable Long id,
            Instant start,
            Instant end,
            @Nullable String place,
            @Nullable String address,
            @Nullable String videoLink,
            int capacity,
            boolean cancelled) {

        static final int MAX_CAPACITY = 100_000;

        SessionDraft {
            place = blankToNull(place, 200, "events.refused.place-too-long");
            address = blankToNull(address, 500, "events.refused.address-too-long");
            videoLink = blankToNull(videoLink, 500, "events.refused.video-link");
            if (start == null || end == null) {
                throw new EventRefusal("events.refused.session-times");
            }
            if (!plausible(start) || !plausible(end)) {
                throw new EventRefusal("events.refused.date-out-of-range");
            }
            if (!end.isAfter(start)) {
                throw new EventRefusal("events.refused.session-end-before-start");
            }
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new EventRefusal("events.refused.capacity", MAX_CAPACITY);
            }
            if (place == null && videoLink == null) {
                throw new EventRefusal("events.refused.where");
            }
            if (videoLink != null && !web(videoLink)) {
                throw new EventRefusal("events.refused.video-link");
            }
        }

        private static boolean web(String link) {
            try {
                var uri = new URI(link);
                return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private static @Nullable String blankToNull(@Nullable String value, int max, String tooLong) {
            if (value == null || value.isBlank()) {
                return null;
            }
            var kept = value.strip();
            if (kept.length() > max) {
                throw new EventRefusal(tooLong, max);
            }
            return kept;
        }
    }
}
