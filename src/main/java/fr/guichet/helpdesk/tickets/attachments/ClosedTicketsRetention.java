package fr.guichet.helpdesk.tickets.attachments;

import fr.guichet.documents.FileStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each night, once across nodes: tickets closed longer ago than their retention period are
 * anonymised, never deleted. A validated answer is a public sheet of the knowledge base, and the
 * sheet's row hangs on its ticket's (deleting one would delete the other); ticket numbers are quoted
 * in linked tickets and the statistics count them. What goes is what identifies people beyond the
 * accounts (anonymised themselves when disabled): the follow-up address, and the attached files
 * (screenshots, logs: where personal data sit in practice). The texts stay: they are the ticket, and
 * the public sheet is a redacted copy. Done once per ticket, in batches.
 */
@Component
class ClosedTicketsRetention {

    /** The follow-up address a ticket keeps once anonymised: unroutable (RFC 2606). */
    static final String PLACEHOLDER = "anonymise@demande.invalid";

    private static final Logger LOG = LoggerFactory.getLogger(ClosedTicketsRetention.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final FileStore files;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period retention;

    ClosedTicketsRetention(
            JdbcClient jdbc,
            FileStore files,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${guichet.retention.tickets:P5Y}") Period retention) {
        this.jdbc = jdbc;
        this.files = files;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${guichet.retention.cron:0 15 3 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "closed-tickets-retention", lockAtMostFor = "PT2H")
    void run() {
        anonymiseDue();
    }

    /** @return how many tickets were anonymised */
    int anonymiseDue() {
        var limit = clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        var total = 0;
        int done;
        do {
            done = anonymiseBatch(limit);
            total += done;
        } while (done == BATCH);
        return total;
    }

    private int anonymiseBatch(Instant limit) {
        var due = jdbc.sql("""
                        select id from ticket
                        where closed_at is not null and closed_at < ? and anonymised_at is null
                        order by id limit ?""")
                .params(Timestamp.from(limit), BATCH)
                .query(Long.class)
                .list();
        if (due.isEmpty()) {
            return 0;
        }
        var keys = transactions.execute(status -> {
            var stored = jdbc.sql("select storage_key from ticket_attachment where ticket_id in (:ids)")
                    .param("ids", due)
                    .query(String.class)
                    .list();
            for (var id : due) {
                jdbc.sql("delete from ticket_attachment where ticket_id = ?")
                        .param(id)
                        .update();
                jdbc.sql("""
                                update ticket set follow_up_email = ?, anonymised_at = ?, version = version + 1
                                where id = ? and anonymised_at is null""")
                        .params(PLACEHOLDER, Timestamp.from(clock.instant()), id)
                        .update();
            }
            return stored;
        });
        // the rows are gone: a file whose deletion fails is an orphan on disk, never a dangling row
        for (var key : keys) {
            try {
                files.delete(key);
            } catch (RuntimeException e) {
                LOG.warn("Attachment file {} of an anonymised ticket could not be deleted", key, e);
            }
        }
        return due.size();
    }
}
