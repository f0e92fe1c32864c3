package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance certificates: one per person and event once he was present at a session, saying what
 * was recorded (the sessions attended, their hours), under a code anyone can check. Recording the
 * attendance again brings it up to date under the same code; absent everywhere, it is withdrawn.
 */
@Component
class AttendanceCertificates {

    /** No 0/O nor 1/I: a code is read aloud and typed from paper. 12 characters: 60 bits. */
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organizations organizations;
    private final Clock clock;
    private final ZoneId zone;

    AttendanceCertificates(
            JdbcClient jdbc,
            Accounts accounts,
            Organizations organizations,
            Clock clock,
            @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a certificate says, as it was issued. */
    record Issued(
            String code,
            long eventId,
            long accountId,
            String personName,
            @Nullable String establishment,
            String eventTitle,
            LocalDate firstDay,
            LocalDate lastDay,
            int minutesAttended,
            Instant issuedAt) {

        public Duration attended() {
            return Duration.ofMinutes(minutesAttended);
        }
    }

    /** A session attended: what the certificate lists. */
    record Attended(
            long sessionId,
            Instant start,
            Instant end,
            @Nullable String place) {}

    @Transactional
    void refresh(long eventId, long accountId) {
        var attended = attended(eventId, accountId);
        if (attended.isEmpty()) {
            jdbc.sql("delete from attendance_certificate where event_id = :e and account_id = :a")
                    .param("e", eventId)
                    .param("a", accountId)
                    .update();
            return;
        }
        var person = accounts.find(new AccountId(accountId)).orElseThrow();
        var title = jdbc.sql("select title from agency_event where id = :e")
                .param("e", eventId)
                .query(String.class)
                .single();
        var minutes = attended.stream()
                .mapToLong(s -> Duration.between(s.start(), s.end()).toMinutes())
                .sum();
        var first = attended.get(0).start().atZone(zone).toLocalDate();
        var last = attended.get(attended.size() - 1).end().atZone(zone).toLocalDate();
        var establishment = establishmentName(eventId, accountId);
        var updated = jdbc.sql("""
                        update attendance_certificate set person_name = :name, establishment = :est, event_title = :title,
                            first_day = :first, last_day = :last, minutes_attended = :minutes, issued_at = :at
                        where event_id = :e and account_id = :a""")
                .param("name", person.displayName())
                .param("est", establishment)
                .param("title", title)
                .param("first", first)
                .param("last", last)
                .param("minutes", (int) minutes)
                .param("at", Timestamp.from(clock.instant()))
                .param("e", eventId)
                .param("a", accountId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into attendance_certificate (code, event_id, account_id, person_name, establishment,
                                event_title, first_day, last_day, minutes_attended, issued_at)
                            values (:code, :e, :a, :name, :est, :title, :first, :last, :minutes, :at)""")
                    .param("code", newCode())
                    .param("e", eventId)
                    .param("a", accountId)
                    .param("name", person.displayName())
                    .param("est", establishment)
                    .param("title", title)
                    .param("first", first)
                    .param("last", last)
                    .param("minutes", (int) minutes)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private @Nullable String establishmentName(long eventId, long accountId) {
        return jdbc.sql("""
                        select r.establishment_id from event_registration r join event_session s on s.id = r.session_id
                        where s.event_id = :e and r.account_id = :a and r.establishment_id is not null
                        order by r.id""").param("e", eventId).param("a", accountId).query(Long.class).list().stream()
                .findFirst()
                .flatMap(id -> organizations.find(new OrganizationId(id)))
                .map(o -> o.name())
                .orElse(null);
    }

    @Transactional(readOnly = true)
    List<Attended> attended(long eventId, long accountId) {
        return jdbc.sql("""
                        select s.id, s.starts_at, s.ends_at, s.place from event_registration r
                        join event_session s on s.id = r.session_id
                        where s.event_id = :e and r.account_id = :a and r.status = 'CONFIRMED'
                            and r.attendance = 'PRESENT' and s.cancelled = false
                        order by s.starts_at""")
                .param("e", eventId)
                .param("a", accountId)
                .query((rs, n) -> new Attended(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Issued> of(long eventId, long accountId) {
        return jdbc.sql("select * from attendance_certificate where event_id = :e and account_id = :a")
                .param("e", eventId)
                .param("a", accountId)
                .query(AttendanceCertificates::issued)
                .optional();
    }

    /** The certificate a code names, whatever way it was typed (spaces, dashes, small letters). */
    @Transactional(readOnly = true)
    Optional<Issued> byCode(String typed) {
        var code = normalized(typed);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from attendance_certificate where code = :c")
                .param("c", code)
                .query(AttendanceCertificates::issued)
                .optional();
    }

    static @Nullable String normalized(@Nullable String typed) {
        if (typed == null) {
            return null;
        }
        var kept = new StringBuilder();
        for (var c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (ALPHABET.indexOf(c) >= 0) {
                kept.append(c);
            } else if (c != ' ' && c != '-' && c != '\t') {
                return null;
            }
        }
        if (kept.length() != 12) {
            return null;
        }
        return kept.substring(0, 4) + "-" + kept.substring(4, 8) + "-" + kept.substring(8);
    }

    private static String newCode() {
        var code = new StringBuilder();
        for (var i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static Issued issued(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Issued(
                rs.getString("code"),
                rs.getLong("event_id"),
                rs.getLong("account_id"),
                rs.getString("person_name"),
                rs.getString("establishment"),
                rs.getString("event_title"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                rs.getInt("minutes_attended"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
