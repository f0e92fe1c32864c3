package fr.guichet.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night, once across nodes: the copies of mails sent longer ago than their retention period are
 * deleted, attachments with them. A sent mail holds its recipient's address and what it told him;
 * the outbox keeps them for the mailbox page and for whoever checks that a mail went, not for ever.
 * In batches, so that a first run on an old outbox does not hold one long transaction.
 */
@Component
class SentMailsRetention {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period retention;

    SentMailsRetention(JdbcClient jdbc, Clock clock, @Value("${guichet.retention.sent-mails:P90D}") Period retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${guichet.retention.cron:0 15 3 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "sent-mails-retention", lockAtMostFor = "PT1H")
    void run() {
        deleteOld();
    }

    /** @return how many copies were deleted */
    int deleteOld() {
        var limit = clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        var total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("""
                            delete from outbox_message where id in (
                                select id from outbox_message where status = 'SENT' and sent_at < ? order by id limit ?)""").params(Timestamp.from(limit), BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
