package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message written for one person (a password reset, an account's e-mail) does not wait behind the
 * messages sent in bulk queued before it: an announcement to everyone puts a hundred thousand in
 * the outbox, an hour of dispatch at the default pace, longer than a reset link is valid.
 */
@IntegrationTest
class OutboxOrderTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aMessageForOnePersonGoesBeforeTheBulkMessagesQueuedBeforeIt() {
        var later = clock.instant().plus(Duration.ofDays(400));
        var bulk = People.uniqueEmail();
        var reset = People.uniqueEmail();
        transactions.executeWithoutResult(tx -> {
            outbox.enqueue(new OutgoingMail(
                            bulk,
                            Locale.FRENCH,
                            "announcement",
                            Map.of(
                                    "title",
                                    "Lettre d'information",
                                    "excerpt",
                                    "Bonjour",
                                    "link",
                                    "http://localhost/a/1"))
                    .because(new OutgoingMail.Why(
                            "alerts.why.ANNOUNCEMENTS",
                            "http://localhost/compte/alertes#ANNOUNCEMENTS",
                            "http://localhost/alertes/arret/1/ANNOUNCEMENTS/x")));
            outbox.enqueue(new OutgoingMail(
                    reset,
                    Locale.FRENCH,
                    "verify-email",
                    Map.of("name", "Test", "link", "http://localhost:8080/activation?jeton=x", "hours", 24)));
            // both due later than anything else, the bulk one first, from the start: out of the
            // dispatcher's reach, which would send them (or, the server being down, put them off)
            due(bulk, later);
            due(reset, later.plusSeconds(60));
        });

        var order = repository.findDue(later.plusSeconds(120), PageRequest.of(0, 100_000));

        assertThat(order).containsSubsequence(idOf(reset), idOf(bulk));
    }

    private void due(String to, Instant at) {
        jdbc.sql("update outbox_message set next_attempt_at = ? where recipient = ?")
                .params(Timestamp.from(at), to)
                .update();
    }

    private long idOf(String to) {
        return jdbc.sql("select id from outbox_message where recipient = ?")
                .param(to)
                .query(Long.class)
                .single();
    }
}
