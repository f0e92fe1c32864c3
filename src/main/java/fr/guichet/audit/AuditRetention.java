package fr.guichet.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The only path by which an entry leaves the trail: once past the retention period
 * ({@code guichet.retention.audit}, an ISO-8601 period, one year unless set; docs/operations.md says
 * why), each night, once across nodes. Entries go a batch at a time, each batch its own transaction,
 * so that a trail of millions neither holds a lock for long nor fills the database's log; a run cut
 * short leaves the rest to the next, and a second run finds nothing to do.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period retention;

    AuditRetention(JdbcClient jdbc, Clock clock, @Value("${guichet.retention.audit:P1Y}") String retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = read(retention);
    }

    private static Period read(String text) {
        Period period;
        try {
            period = Period.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "guichet.retention.audit: \"" + text + "\" is not an ISO-8601 period such as P1Y or P18M", e);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException(
                    "guichet.retention.audit: " + text + " would empty the trail; give a period such as P1Y");
        }
        return period;
    }

    @Scheduled(cron = "${guichet.retention.audit-cron:0 15 3 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "audit-retention", lockAtMostFor = "PT2H")
    void purgeOnSchedule() {
        var removed = purge();
        if (removed > 0) {
            log.info("Audit retention ({}): {} entries older than that removed", retention, removed);
        }
    }

    /** Removes the entries older than the retention period; returns how many. */
    long purge() {
        var before = limit();
        long removed = 0;
        while (true) {
            var batch = jdbc.sql("""
                            delete from audit_entry where id in (
                                select id from audit_entry where occurred_at < :before
                                order by id fetch first %d rows only)""".formatted(BATCH))
                    .param("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
                    .update();
            removed += batch;
            if (batch < BATCH) {
                return removed;
            }
        }
    }

    /** The oldest moment the trail keeps, counted in the portal's time zone (a year ago is the same date). */
    Instant limit() {
        return ZonedDateTime.now(clock).minus(retention).toInstant();
    }

    Period retention() {
        return retention;
    }
}
