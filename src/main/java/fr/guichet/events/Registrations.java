package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.news.Announcements;
import fr.guichet.organization.OrganizationId;
import fr.guichet.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of registrations. Every change to a session's places takes the session's row
 * lock first, so that counting the confirmed and adding one is a single step whichever node, thread
 * or person asks: twenty people asking for the last place, one gets it, nineteen wait in the order
 * the lock let them in.
 */
@Service("eventRegistrations")
class Registrations {

    static final int MAX_NOTE = 1000;

    /** The roll is taken as people arrive: from an hour before the start. */
    static final java.time.Duration ROLL_OPENS_BEFORE = java.time.Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Announcements announcements;
    private final EventMails mails;
    private final AttendanceCertificates certificates;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ZoneId zone;

    Registrations(
            JdbcClient jdbc,
            Accounts accounts,
            Announcements announcements,
            EventMails mails,
            AttendanceCertificates certificates,
            ApplicationEventPublisher publisher,
            Clock clock,
            @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.announcements = announcements;
        this.mails = mails;
        this.certificates = certificates;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a registration came to, and for one who waits, his place in the line (1 is next). */
    record Outcome(long registrationId, RegistrationStatus status, int rank) {}

    /**
     * Registers a person for a session. By himself: only while registrations are open and if the event
     * is aimed at him; his establishment's agreement first when the event asks it. An agent
     * registering someone ({@code onBehalf}) may do so until the session starts, and needs nobody's
     * agreement: the agency invites him.
     */
    @Transactional
    Outcome register(
            AccountId actor,
            AccountId person,
            long sessionId,
            @Nullable String note,
            @Nullable OrganizationId establishment,
            boolean onBehalf) {
        var kept = note == null || note.isBlank() ? null : note.strip();
        if (kept != null && kept.length() > MAX_NOTE) {
            throw new EventRefusal("events.refused.note-too-long", MAX_NOTE);
        }
        var session = lockSession(sessionId);
        var event = event(session.eventId);
        var now = clock.instant();
        if (event.cancelled || session.cancelled) {
            throw new EventRefusal("events.refused.cancelled");
        }
        if (!session.start.isAfter(now)) {
            throw new EventRefusal("events.refused.started");
        }
        if (!onBehalf) {
            if (now.isBefore(event.opensAt)) {
                throw new EventRefusal("events.refused.not-open-yet");
            }
            if (now.isAfter(event.deadline)) {
                throw new EventRefusal("events.refused.closed");
            }
        }
        var candidate = accounts.find(person)
                .filter(p -> p.active())
                .orElseThrow(() -> new EventRefusal("events.refused.person-inactive"));
        if (!onBehalf && !announcements.reaches(event.audience(), candidate.id())) {
            throw new NotFoundException();
        }
        var existing = find(sessionId, person);
        if (existing.isPresent() && existing.get().status().live()) {
            throw new EventRefusal("events.refused.already-registered");
        }
        RegistrationStatus status;
        if (event.needsApproval && establishment != null && !onBehalf) {
            status = RegistrationStatus.PENDING;
        } else {
            status =
                    confirmed(sessionId) < session.capacity ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITING;
        }
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.sql("""
                            update event_registration set status = :status, note = :note, establishment_id = :est,
                                registered_by = :by, registered_at = :at, queued_at = :at, status_at = :at,
                                attendance = null, attendance_by = null, attendance_at = null, reminded_at = null
                            where id = :id""")
                    .param("status", status.name())
                    .param("note", kept)
                    .param("est", establishment == null ? null : establishment.value())
                    .param("by", actor.value())
                    .param("at", Timestamp.from(now))
                    .param("id", id)
                    .update();
        } else {
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                            insert into event_registration (session_id, account_id, establishment_id, status, note,
                                registered_by, registered_at, queued_at, status_at)
                            values (:session, :person, :est, :status, :note, :by, :at, :at, :at)""")
                    .param("session", sessionId)
                    .param("person", person.value())
                    .param("est", establishment == null ? null : establishment.value())
                    .param("status", status.name())
                    .param("note", kept)
                    .param("by", actor.value())
                    .param("at", Timestamp.from(now))
                    .update(key, "id");
            id = key.getKey().longValue();
        }
        var registration = find(id).orElseThrow();
        publisher.publishEvent(new RegistrationMoved(
                id,
                event.id,
                sessionId,
                person.value(),
                establishment == null ? null : establishment.value(),
                actor.value(),
                "REGISTER",
                status.name(),
                now));
        switch (status) {
            case CONFIRMED -> mails.confirmed(registration, false);
            case WAITING -> mails.waiting(registration, rank(registration));
            case PENDING -> mails.pending(registration);
            default -> throw new IllegalStateException(status.name());
        }
        return new Outcome(id, status, status == RegistrationStatus.WAITING ? rank(registration) : 0);
    }

    /**
     * Cancels a registration. By its holder, only until the deadline (and before the session); by an
     * agent, until the session starts. A place given back goes to the first who waits.
     */
    @Transactional
    void cancel(AccountId actor, long registrationId, boolean byAgent) {
        var found = find(registrationId).orElseThrow(NotFoundException::new);
        var session = lockSession(found.sessionId());
        var registration = find(registrationId).orElseThrow(NotFoundException::new);
        var event = event(session.eventId);
        var now = clock.instant();
        if (!byAgent && registration.accountId() != actor.value()) {
            throw new NotFoundException();
        }
        if (!RegistrationLifecycle.startsFrom(RegistrationLifecycle.Step.CANCEL, registration.status())) {
            throw new EventRefusal("events.refused.not-registered");
        }
        if (!session.start.isAfter(now)) {
            throw new EventRefusal("events.refused.started");
        }
        if (!byAgent && now.isAfter(event.deadline)) {
            throw new EventRefusal("events.refused.cancel-closed");
        }
        move(registration, RegistrationStatus.CANCELLED, actor, "CANCEL");
        mails.cancelled(registration, false);
        if (registration.status() == RegistrationStatus.CONFIRMED) {
            promote(session, now);
        }
    }

    /** His establishment's super admin agrees: a place if one is free, else the waiting list, as asked. */
    @Transactional
    void approve(AccountId approver, long registrationId) {
        var found = find(registrationId).orElseThrow(NotFoundException::new);
        var session = lockSession(found.sessionId());
        var registration = find(registrationId).orElseThrow(NotFoundException::new);
        if (registration.status() != RegistrationStatus.PENDING) {
            throw new EventRefusal("events.refused.not-pending");
        }
        if (session.cancelled || !session.start.isAfter(clock.instant())) {
            throw new EventRefusal("events.refused.started");
        }
        var status = confirmed(session.id) < session.capacity && waiting(session.id) == 0
                ? RegistrationStatus.CONFIRMED
                : RegistrationStatus.WAITING;
        move(registration, status, approver, "APPROVE");
        var moved = find(registrationId).orElseThrow();
        if (status == RegistrationStatus.CONFIRMED) {
            mails.confirmed(moved, false);
        } else {
            mails.waiting(moved, rank(moved));
        }
    }

    @Transactional
    void refuse(AccountId approver, long registrationId) {
        var found = find(registrationId).orElseThrow(NotFoundException::new);
        lockSession(found.sessionId());
        var registration = find(registrationId).orElseThrow(NotFoundException::new);
        if (registration.status() != RegistrationStatus.PENDING) {
            throw new EventRefusal("events.refused.not-pending");
        }
        move(registration, RegistrationStatus.REFUSED, approver, "REFUSE");
        mails.refused(registration);
    }

    /** A session is cancelled: every live registration with it, each holder told. */
    @Transactional
    void sessionCancelled(AccountId agent, long sessionId) {
        lockSession(sessionId);
        for (var registration : ofSession(
                sessionId,
                Set.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING))) {
            move(registration, RegistrationStatus.CANCELLED, agent, "SESSION_CANCELLED");
            mails.cancelled(registration, true);
        }
    }

    /** Its time or place changed: whoever holds a place gets the new invitation (a higher sequence). */
    @Transactional
    void sessionMoved(long sessionId) {
        for (var registration : ofSession(sessionId, Set.of(RegistrationStatus.CONFIRMED))) {
            jdbc.sql("update event_registration set reminded_at = null where id = :id")
                    .param("id", registration.id())
                    .update();
            mails.changed(registration);
        }
    }

    /** The room grew: as many who wait as there are new places. */
    @Transactional
    void fill(long sessionId) {
        promote(lockSession(sessionId), clock.instant());
    }

    private void promote(SessionRow session, Instant now) {
        if (session.cancelled || !session.start.isAfter(now)) {
            return;
        }
        var free = session.capacity - confirmed(session.id);
        if (free <= 0) {
            return;
        }
        var next = jdbc.sql(
                        "select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                                + " where r.session_id = :s and r.status = 'WAITING' order by r.queued_at, r.id")
                .param("s", session.id)
                .query(Registrations::row)
                .list();
        for (var waiting : next.subList(0, Math.min(free, next.size()))) {
            move(waiting, RegistrationStatus.CONFIRMED, new AccountId(waiting.accountId()), "PROMOTE");
            mails.confirmed(find(waiting.id()).orElseThrow(), true);
        }
    }

    private void move(RegistrationView registration, RegistrationStatus to, AccountId actor, String step) {
        var lifecycleStep = switch (step) {
            case "SESSION_CANCELLED" -> RegistrationLifecycle.Step.CANCEL;
            default -> RegistrationLifecycle.Step.valueOf(step);
        };
        if (!RegistrationLifecycle.allows(lifecycleStep, registration.status(), to)) {
            throw new EventRefusal("events.refused.not-now");
        }
        var now = clock.instant();
        var changed = jdbc.sql("update event_registration set status = :to, status_at = :at"
                        + " where id = :id and status = :from")
                .param("to", to.name())
                .param("at", Timestamp.from(now))
                .param("id", registration.id())
                .param("from", registration.status().name())
                .update();
        if (changed != 1) {
            throw new EventRefusal("events.refused.not-now");
        }
        // a place taken away after the roll (before the start, or with its session) no longer certifies
        if (registration.status() == RegistrationStatus.CONFIRMED && registration.attendance() != null) {
            certificates.refresh(registration.eventId(), registration.accountId());
        }
        publisher.publishEvent(new RegistrationMoved(
                registration.id(),
                registration.eventId(),
                registration.sessionId(),
                registration.accountId(),
                registration.establishmentId(),
                actor.value(),
                step,
                to.name(),
                now));
    }

    // ---- attendance

    /**
     * Records who came, for the confirmed of a session about to begin or begun, and brings each one's
     * attendance certificate up to date.
     */
    @Transactional
    int recordAttendance(AccountId agent, long sessionId, Map<Long, Attendance> marks) {
        var session = lockSession(sessionId);
        var now = clock.instant();
        if (session.cancelled) {
            throw new EventRefusal("events.refused.cancelled");
        }
        if (now.isBefore(session.start.minus(ROLL_OPENS_BEFORE))) {
            throw new EventRefusal("events.refused.attendance-too-early");
        }
        var confirmed = new HashSet<Long>();
        ofSession(sessionId, Set.of(RegistrationStatus.CONFIRMED)).forEach(r -> confirmed.add(r.id()));
        if (!confirmed.containsAll(marks.keySet())) {
            throw new EventRefusal("events.refused.attendance-unknown");
        }
        var people = new ArrayList<Long>();
        for (var mark : marks.entrySet()) {
            var registration = find(mark.getKey()).orElseThrow();
            if (mark.getValue() == registration.attendance()) {
                continue;
            }
            jdbc.sql("update event_registration set attendance = :a, attendance_by = :by, attendance_at = :at"
                            + " where id = :id")
                    .param("a", mark.getValue().name())
                    .param("by", agent.value())
                    .param("at", Timestamp.from(now))
                    .param("id", mark.getKey())
                    .update();
            people.add(registration.accountId());
        }
        for (var person : people) {
            certificates.refresh(session.eventId, person);
        }
        if (!people.isEmpty()) {
            publisher.publishEvent(
                    new AttendanceRecorded(session.eventId, sessionId, agent.value(), people.size(), now));
        }
        return people.size();
    }

    // ---- reading

    @Transactional(readOnly = true)
    Optional<RegistrationView> find(long id) {
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where r.id = :id")
                .param("id", id)
                .query(Registrations::row)
                .optional();
    }

    private Optional<RegistrationView> find(long sessionId, AccountId person) {
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where r.session_id = :s and r.account_id = :p")
                .param("s", sessionId)
                .param("p", person.value())
                .query(Registrations::row)
                .optional();
    }

    @Transactional(readOnly = true)
    List<RegistrationView> ofSession(long sessionId, Set<RegistrationStatus> statuses) {
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where r.session_id = :s and r.status in (:statuses) order by r.queued_at, r.id")
                .param("s", sessionId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Registrations::row)
                .list();
    }

    @Transactional(readOnly = true)
    List<RegistrationView> ofEvent(long eventId) {
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where s.event_id = :e order by s.starts_at, r.queued_at, r.id")
                .param("e", eventId)
                .query(Registrations::row)
                .list();
    }

    @Transactional(readOnly = true)
    List<RegistrationView> ofPerson(AccountId person) {
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where r.account_id = :p order by s.starts_at desc, r.id")
                .param("p", person.value())
                .query(Registrations::row)
                .list();
    }

    /** The registrations waiting for the agreement of these establishments, the oldest first. */
    @Transactional(readOnly = true)
    List<RegistrationView> pendingFor(List<OrganizationId> establishments) {
        if (establishments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.*, s.event_id from event_registration r join event_session s on s.id = r.session_id"
                        + " where r.status = 'PENDING' and r.establishment_id in (:e) order by r.queued_at, r.id")
                .param("e", establishments.stream().map(OrganizationId::value).toList())
                .query(Registrations::row)
                .list();
    }

    /** His place in the waiting list: 1 is the next to get a place. */
    @Transactional(readOnly = true)
    int rank(RegistrationView registration) {
        if (registration.status() != RegistrationStatus.WAITING) {
            return 0;
        }
        return jdbc.sql("""
                        select count(*) from event_registration r where r.session_id = :s and r.status = 'WAITING'
                            and (r.queued_at < :q or (r.queued_at = :q and r.id <= :id))""")
                .param("s", registration.sessionId())
                .param("q", Timestamp.from(registration.queuedAt()))
                .param("id", registration.id())
                .query(Integer.class)
                .single();
    }

    /** The places a session holds, counted under its lock: what a smaller room is compared with. */
    @Transactional
    int confirmedLocked(long sessionId) {
        lockSession(sessionId);
        return confirmed(sessionId);
    }

    private int confirmed(long sessionId) {
        return jdbc.sql("select count(*) from event_registration where session_id = :s and status = 'CONFIRMED'")
                .param("s", sessionId)
                .query(Integer.class)
                .single();
    }

    private int waiting(long sessionId) {
        return jdbc.sql("select count(*) from event_registration where session_id = :s and status = 'WAITING'")
                .param("s", sessionId)
                .query(Integer.class)
                .single();
    }

    static RegistrationView row(ResultSet rs, int n) throws SQLException {
        var attendance = rs.getString("attendance");
        return new RegistrationView(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getLong("event_id"),
                rs.getLong("account_id"),
                rs.getObject("establishment_id") == null ? null : rs.getLong("establishment_id"),
                RegistrationStatus.valueOf(rs.getString("status")),
                rs.getString("note"),
                rs.getLong("registered_by"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("queued_at").toInstant(),
                attendance == null ? null : Attendance.valueOf(attendance));
    }

    // ---- the rows locked and read for a decision

    private SessionRow lockSession(long sessionId) {
        return jdbc.sql(
                        "select id, event_id, starts_at, capacity, cancelled from event_session where id = :id for update")
                .param("id", sessionId)
                .query((rs, n) -> new SessionRow(
                        rs.getLong("id"),
                        rs.getLong("event_id"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getInt("capacity"),
                        rs.getBoolean("cancelled")))
                .optional()
                .orElseThrow(NotFoundException::new);
    }

    private record SessionRow(long id, long eventId, Instant start, int capacity, boolean cancelled) {}

    private EventRow event(long eventId) {
        var row = jdbc.sql(
                        "select id, opens_at, deadline, needs_approval, for_everyone, status from agency_event where id = :id")
                .param("id", eventId)
                .query((rs, n) -> new EventRow(
                        rs.getLong("id"),
                        rs.getTimestamp("opens_at").toInstant(),
                        rs.getTimestamp("deadline").toInstant(),
                        rs.getBoolean("needs_approval"),
                        rs.getBoolean("for_everyone"),
                        "CANCELLED".equals(rs.getString("status")),
                        new java.util.EnumMap<fr.guichet.news.Criterion, Set<String>>(fr.guichet.news.Criterion.class)))
                .single();
        jdbc.sql("select criterion, chosen from event_audience where event_id = :id")
                .param("id", eventId)
                .query((rs, n) -> row.criteria
                        .computeIfAbsent(fr.guichet.news.Criterion.valueOf(rs.getString(1)), c -> new HashSet<>())
                        .add(rs.getString(2)))
                .list();
        return row;
    }

    private record EventRow(
            long id,
            Instant opensAt,
            Instant deadline,
            boolean needsApproval,
            boolean everyone,
            boolean cancelled,
            Map<fr.guichet.news.Criterion, Set<String>> criteria) {

        fr.guichet.news.Target audience() {
            return new fr.guichet.news.Target(everyone, criteria);
        }
    }
}
