package fr.guichet.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the day before: to everyone holding a place in a session that starts within the next
 * {@code reminder-hours}, once. Each one is claimed by a conditional update in its own transaction with
 * its e-mail, so that two nodes, or a run after a crash, never send it twice nor lose it.
 */
@Component
class Reminders {

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final EventMails mails;
    private final TransactionTemplate transactions;
    private final EventProperties properties;
    private final Clock clock;

    Reminders(
            JdbcClient jdbc,
            Registrations registrations,
            EventMails mails,
            TransactionTemplate transactions,
            EventProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.mails = mails;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many were reminded. */
    int sendDue() {
        var now = clock.instant();
        var due = jdbc.sql("""
                        select r.id from event_registration r join event_session s on s.id = r.session_id
                        join agency_event e on e.id = s.event_id
                        where r.status = 'CONFIRMED' and r.reminded_at is null and s.cancelled = false
                            and e.status = 'PUBLISHED' and s.starts_at > :now and s.starts_at <= :until
                        order by s.starts_at, r.id""")
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(Duration.ofHours(properties.reminderHours()))))
                .query(Long.class)
                .list();
        var sent = 0;
        for (var id : due) {
            Boolean told = transactions.execute(tx -> {
                var claimed = jdbc.sql("update event_registration set reminded_at = :at where id = :id"
                                + " and reminded_at is null and status = 'CONFIRMED'")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update();
                if (claimed != 1) {
                    return false;
                }
                mails.reminder(registrations.find(id).orElseThrow());
                return true;
            });
            if (Boolean.TRUE.equals(told)) {
                sent++;
            }
        }
        return sent;
    }
}
