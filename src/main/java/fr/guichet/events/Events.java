package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.InterestDomain;
import fr.guichet.helpdesk.CorrespondentSites;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.news.AnnouncementDraft;
import fr.guichet.news.AnnouncementKind;
import fr.guichet.news.AnnouncementRefusal;
import fr.guichet.news.Announcements;
import fr.guichet.news.Criterion;
import fr.guichet.news.Target;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.PublicAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of events and their sessions, and what is read of them. Who may act is
 * {@link EventAccess}'s to check before. What a change means for the people registered (a new time
 * sent as a new invitation, a cancelled session's registrations cancelled, a larger room filled from
 * the waiting list) is {@link Registrations}', called here in the same transaction.
 */
@Service
class Events {

    private final JdbcClient jdbc;
    private final Announcements announcements;
    private final CorrespondentSites products;
    private final Registrations registrations;
    private final PublicAddress address;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Events(
            JdbcClient jdbc,
            Announcements announcements,
            CorrespondentSites products,
            Registrations registrations,
            PublicAddress address,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.announcements = announcements;
        this.products = products;
        this.registrations = registrations;
        this.address = address;
        this.publisher = publisher;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    java.time.ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Records the event and its sessions; with {@code announce}, an announcement to its audience in the
     * same transaction (sent as each reader chose in his alert preferences).
     */
    @Transactional
    long publish(AccountId agent, EventDraft draft, boolean announce) {
        check(draft);
        var now = clock.instant();
        if (draft.sessions().stream().anyMatch(s -> s.id() != null)) {
            throw new EventRefusal("events.refused.session-unknown");
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into agency_event (title, description, kind, product_id, domains, for_everyone, opens_at,
                            deadline, needs_approval, shows_participants, status, created_by, created_at)
                        values (:title, :description, :kind, :product, :domains, :everyone, :opens, :deadline,
                            :approval, :shows, 'PUBLISHED', :by, :at)""")
                .param("title", draft.title())
                .param("description", draft.description())
                .param("kind", draft.kind().name())
                .param("product", draft.productId())
                .param("domains", domains(draft.domains()))
                .param("everyone", draft.audience().everyone())
                .param("opens", Timestamp.from(draft.opensAt()))
                .param("deadline", Timestamp.from(draft.deadline()))
                .param("approval", draft.needsApproval())
                .param("shows", draft.showsParticipants())
                .param("by", agent.value())
                .param("at", Timestamp.from(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        writeAudience(id, draft.audience());
        for (var session : draft.sessions()) {
            if (!session.cancelled()) {
                insertSession(id, session);
            }
        }
        if (announce) {
            var announcement = announcements.publish(agent, announcement(id, draft), null);
            jdbc.sql("update agency_event set announcement_id = :a where id = :id")
                    .param("a", announcement)
                    .param("id", id)
                    .update();
        }
        publisher.publishEvent(new EventPublished(id, agent.value(), draft.title(), now));
        return id;
    }

    /**
     * Changes the event: its text and rules at once; each session kept, moved, resized, added or
     * cancelled. The people a session's change concerns are told by {@link Registrations}.
     */
    @Transactional
    void change(AccountId agent, long id, EventDraft draft) {
        check(draft);
        var before = lock(id);
        if (before.cancelled()) {
            throw new EventRefusal("events.refused.cancelled");
        }
        var known = before.sessions().stream().map(EventView.SessionView::id).collect(Collectors.toSet());
        var named = new HashSet<Long>();
        for (var session : draft.sessions()) {
            // a session named twice would be resized twice against the places it held before either
            if (session.id() != null && (!known.contains(session.id()) || !named.add(session.id()))) {
                throw new EventRefusal("events.refused.session-unknown");
            }
        }
        jdbc.sql("""
                        update agency_event set title = :title, description = :description, kind = :kind,
                            product_id = :product, domains = :domains, for_everyone = :everyone, opens_at = :opens,
                            deadline = :deadline, needs_approval = :approval, shows_participants = :shows
                        where id = :id""")
                .param("title", draft.title())
                .param("description", draft.description())
                .param("kind", draft.kind().name())
                .param("product", draft.productId())
                .param("domains", domains(draft.domains()))
                .param("everyone", draft.audience().everyone())
                .param("opens", Timestamp.from(draft.opensAt()))
                .param("deadline", Timestamp.from(draft.deadline()))
                .param("approval", draft.needsApproval())
                .param("shows", draft.showsParticipants())
                .param("id", id)
                .update();
        jdbc.sql("delete from event_audience where event_id = :id")
                .param("id", id)
                .update();
        writeAudience(id, draft.audience());
        for (var session : draft.sessions()) {
            if (session.id() == null) {
                if (!session.cancelled()) {
                    insertSession(id, session);
                }
                continue;
            }
            var old = before.session(session.id());
            if (old == null || old.cancelled()) {
                continue;
            }
            if (session.cancelled()) {
                // what took place stays on record: its registrations, attendance and certificates
                if (old.started(clock.instant())) {
                    throw new EventRefusal("events.refused.started");
                }
                jdbc.sql("update event_session set cancelled = true, sequence = sequence + 1 where id = :id")
                        .param("id", old.id())
                        .update();
                registrations.sessionCancelled(agent, old.id());
                continue;
            }
            // counted under the session's lock: a registration between the reading and the writing counts
            var confirmed = registrations.confirmedLocked(old.id());
            if (session.capacity() < confirmed) {
                throw new EventRefusal("events.refused.capacity-below-confirmed", confirmed);
            }
            var moved = !session.start().equals(old.start())
                    || !session.end().equals(old.end())
                    || !equal(session.place(), old.place())
                    || !equal(session.address(), old.address())
                    || !equal(session.videoLink(), old.videoLink());
            jdbc.sql("""
                            update event_session set starts_at = :start, ends_at = :end, place = :place,
                                address = :address, video_link = :video, capacity = :capacity,
                                sequence = sequence + :raise
                            where id = :id""")
                    .param("start", Timestamp.from(session.start()))
                    .param("end", Timestamp.from(session.end()))
                    .param("place", session.place())
                    .param("address", session.address())
                    .param("video", session.videoLink())
                    .param("capacity", session.capacity())
                    .param("raise", moved ? 1 : 0)
                    .param("id", old.id())
                    .update();
            if (moved) {
                registrations.sessionMoved(old.id());
            }
            if (session.capacity() > old.capacity()) {
                registrations.fill(old.id());
            }
        }
        publisher.publishEvent(new EventChanged(id, agent.value(), draft.title(), false, clock.instant()));
    }

    /**
     * Cancels every session still to come: whoever was registered there is told, and nobody can register
     * any more; sessions that took place stay as they were.
     */
    @Transactional
    void cancel(AccountId agent, long id) {
        var before = lock(id);
        if (before.cancelled()) {
            return;
        }
        jdbc.sql("update agency_event set status = 'CANCELLED' where id = :id")
                .param("id", id)
                .update();
        var now = clock.instant();
        for (var session : before.heldSessions()) {
            // sessions that took place (or are under way) keep their registrations, attendance and certificates
            if (session.started(now)) {
                continue;
            }
            jdbc.sql("update event_session set cancelled = true, sequence = sequence + 1 where id = :id")
                    .param("id", session.id())
                    .update();
            registrations.sessionCancelled(agent, session.id());
        }
        publisher.publishEvent(new EventChanged(id, agent.value(), before.title(), true, clock.instant()));
    }

    private EventView lock(long id) {
        jdbc.sql("select id from agency_event where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElseThrow(NotFoundException::new);
        return find(id).orElseThrow(NotFoundException::new);
    }

    private void check(EventDraft draft) {
        try {
            announcements.checkTarget(draft.audience());
        } catch (AnnouncementRefusal unknown) {
            throw new EventRefusal("events.refused.unknown-audience");
        }
        if (draft.productId() != null
                && products.productName(new ProductId(draft.productId())).isEmpty()) {
            throw new EventRefusal("events.refused.unknown-product");
        }
    }

    private AnnouncementDraft announcement(long id, EventDraft draft) {
        var kind = draft.productId() == null
                ? AnnouncementKind.NEWS
                : draft.kind() == EventKind.SEMINAR ? AnnouncementKind.SEMINAR : AnnouncementKind.TRAINING_CALENDAR;
        var link = address.link("/evenements/{id}", id);
        var body = draft.description() + "\n\n[Inscriptions / Registration](" + link + ")";
        var title = draft.title();
        return new AnnouncementDraft(
                title,
                body.length() <= 50_000 ? body : draft.description(),
                kind,
                draft.productId(),
                null,
                draft.deadline(),
                draft.audience());
    }

    private void insertSession(long event, EventDraft.SessionDraft session) {
        jdbc.sql("""
                        insert into event_session (event_id, starts_at, ends_at, place, address, video_link, capacity,
                            sequence, cancelled)
                        values (:event, :start, :end, :place, :address, :video, :capacity, 0, false)""")
                .param("event", event)
                .param("start", Timestamp.from(session.start()))
                .param("end", Timestamp.from(session.end()))
                .param("place", session.place())
                .param("address", session.address())
                .param("video", session.videoLink())
                .param("capacity", session.capacity())
                .update();
    }

    private void writeAudience(long event, Target audience) {
        if (audience.everyone()) {
            return;
        }
        audience.criteria()
                .forEach((criterion, values) -> values.forEach(value -> jdbc.sql(
                                "insert into event_audience (event_id, criterion, chosen) values (:e, :c, :v)")
                        .param("e", event)
                        .param("c", criterion.name())
                        .param("v", value)
                        .update()));
    }

    private static String domains(Set<InterestDomain> domains) {
        return domains.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static boolean equal(@Nullable String a, @Nullable String b) {
        return a == null ? b == null : a.equals(b);
    }

    // ---- reading

    @Transactional(readOnly = true)
    Optional<EventView> find(long id) {
        return read("where e.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** These events, in one read of each table (a person's registrations span many). */
    @Transactional(readOnly = true)
    Map<Long, EventView> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return read("where e.id in (:ids)", Map.of("ids", List.copyOf(ids))).stream()
                .collect(Collectors.toMap(EventView::id, e -> e));
    }

    /** The published events whose registrations are not over, or whose sessions are still to come. */
    @Transactional(readOnly = true)
    List<EventView> current() {
        var now = clock.instant();
        return read(
                        "where e.status = 'PUBLISHED' and exists (select 1 from event_session s where s.event_id = e.id"
                                + " and s.cancelled = false and s.ends_at > :now)",
                        Map.of("now", Timestamp.from(now)))
                .stream()
                .sorted((a, b) -> first(a).compareTo(first(b)))
                .toList();
    }

    /** Every event, the latest first: the agents' list. */
    @Transactional(readOnly = true)
    List<EventView> all(int limit) {
        return read("", Map.of()).stream()
                .sorted((a, b) -> first(b).compareTo(first(a)))
                .limit(limit)
                .toList();
    }

    private static Instant first(EventView event) {
        return event.sessions().stream()
                .map(EventView.SessionView::start)
                .min(Instant::compareTo)
                .orElse(event.opensAt());
    }

    private List<EventView> read(String where, Map<String, Object> params) {
        var rows = jdbc.sql("select e.* from agency_event e " + where + " order by e.id")
                .params(params)
                .query((rs, n) -> new EventRow(rs))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        var ids = rows.stream().map(EventRow::id).toList();
        var audiences = audiences(ids);
        var sessions = sessions(ids);
        var events = new ArrayList<EventView>();
        for (var row : rows) {
            var criteria = audiences.getOrDefault(row.id, Map.of());
            events.add(new EventView(
                    row.id,
                    row.title,
                    row.description,
                    row.kind,
                    row.productId,
                    row.domains,
                    new Target(row.everyone, criteria),
                    row.opensAt,
                    row.deadline,
                    row.needsApproval,
                    row.showsParticipants,
                    row.cancelled,
                    row.announcementId,
                    sessions.getOrDefault(row.id, List.of())));
        }
        return events;
    }

    private Map<Long, Map<Criterion, Set<String>>> audiences(Collection<Long> events) {
        var result = new HashMap<Long, Map<Criterion, Set<String>>>();
        jdbc.sql("select event_id, criterion, chosen from event_audience where event_id in (:ids)")
                .param("ids", events)
                .query((rs, n) -> {
                    result.computeIfAbsent(rs.getLong(1), e -> new EnumMap<>(Criterion.class))
                            .computeIfAbsent(Criterion.valueOf(rs.getString(2)), c -> new HashSet<>())
                            .add(rs.getString(3));
                    return null;
                })
                .list();
        return result;
    }

    private Map<Long, List<EventView.SessionView>> sessions(Collection<Long> events) {
        return jdbc
                .sql("""
                        select s.*,
                            (select count(*) from event_registration r where r.session_id = s.id and r.status = 'CONFIRMED') confirmed,
                            (select count(*) from event_registration r where r.session_id = s.id and r.status = 'WAITING') waiting,
                            (select count(*) from event_registration r where r.session_id = s.id and r.status = 'PENDING') pending
                        from event_session s where s.event_id in (:ids) order by s.starts_at, s.id""")
                .param("ids", events)
                .query((rs, n) -> new EventView.SessionView(
                        rs.getLong("id"),
                        rs.getLong("event_id"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("place"),
                        rs.getString("address"),
                        rs.getString("video_link"),
                        rs.getInt("capacity"),
                        rs.getInt("sequence"),
                        rs.getBoolean("cancelled"),
                        rs.getInt("confirmed"),
                        rs.getInt("waiting"),
                        rs.getInt("pending")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(EventView.SessionView::eventId));
    }

    private static final class EventRow {
        final long id;
        final String title;
        final String description;
        final EventKind kind;
        final @Nullable Long productId;
        final Set<InterestDomain> domains;
        final boolean everyone;
        final Instant opensAt;
        final Instant deadline;
        final boolean needsApproval;
        final boolean showsParticipants;
        final boolean cancelled;
        final @Nullable Long announcementId;

        EventRow(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            title = rs.getString("title");
            description = rs.getString("description");
            kind = EventKind.valueOf(rs.getString("kind"));
            productId = rs.getObject("product_id") == null ? null : rs.getLong("product_id");
            var names = rs.getString("domains");
            domains = names.isEmpty()
                    ? Set.of()
                    : Arrays.stream(names.split(","))
                            .map(InterestDomain::valueOf)
                            .collect(Collectors.toUnmodifiableSet());
            everyone = rs.getBoolean("for_everyone");
            opensAt = rs.getTimestamp("opens_at").toInstant();
            deadline = rs.getTimestamp("deadline").toInstant();
            needsApproval = rs.getBoolean("needs_approval");
            showsParticipants = rs.getBoolean("shows_participants");
            cancelled = "CANCELLED".equals(rs.getString("status"));
            announcementId = rs.getObject("announcement_id") == null ? null : rs.getLong("announcement_id");
        }

        long id() {
            return id;
        }
    }
}
