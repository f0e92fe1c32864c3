package fr.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.GuichetApplication;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestDatabase;
import fr.guichet.support.TestSmtp;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery against a real SMTP server that is down, then up: nothing is lost, nothing is sent
 * twice, and a message written by a node that stopped is sent by another.
 */
@IntegrationTest
@Tag("smoke")
class MailDeliveryTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    TransactionTemplate transactions;

    GreenMail smtp;

    @AfterEach
    void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailWaitsWhileTheServerIsDownAndGoesOutOnceItIsBack() throws Exception {
        var to = People.uniqueEmail();
        enqueue(outbox, transactions, to);

        // the dispatcher tries, fails and keeps the message
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsFor(to) >= 1);
        assertThat(statusOf(to)).isEqualTo(OutboxMessage.Status.PENDING);

        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();

        var received = Mails.awaitFirst(smtp, to);
        assertThat(received.getSubject()).isEqualTo("Guichet : activez votre compte");
        assertThat(received.getHeader("Message-ID")[0]).isEqualTo(messageIdOf(to));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(to) == OutboxMessage.Status.SENT);
        // and it stays sent once: no second copy after further dispatcher runs
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> Mails.to(smtp, to).size() == 1);
    }

    @Test
    void aMessageWrittenByANodeThatStoppedIsSentByAnother() throws Exception {
        var to = People.uniqueEmail();
        // another node, on the same database, writes a message while the server is down, then stops
        try (var other = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles(new TestDatabase().resolve(getClass()))
                .properties("server.port=0", "guichet.mail.dispatch-interval=1h", "spring.main.banner-mode=off")
                .run()) {
            enqueue(other.getBean(Outbox.class), other.getBean(TransactionTemplate.class), to);
        }
        assertThat(statusOf(to)).isEqualTo(OutboxMessage.Status.PENDING);

        smtp = new GreenMail(TestSmtp.setup());
        smtp.start();

        assertThat(Mails.awaitFirst(smtp, to).getHeader("Message-ID")[0]).isEqualTo(messageIdOf(to));
    }

    private static void enqueue(Outbox target, TransactionTemplate transactions, String to) {
        transactions.executeWithoutResult(tx -> target.enqueue(new OutgoingMail(
                to,
                Locale.FRENCH,
                "verify-email",
                Map.of("name", "Test", "link", "http://localhost:8080/activation?jeton=x", "hours", 24))));
    }

    private OutboxMessage messageTo(String to) {
        return repository.findAll().stream()
                .filter(m -> m.recipient().equals(to))
                .findFirst()
                .orElseThrow();
    }

    private int attemptsFor(String to) {
        return messageTo(to).attempts();
    }

    private OutboxMessage.Status statusOf(String to) {
        return messageTo(to).status();
    }

    private String messageIdOf(String to) {
        return messageTo(to).messageId();
    }
}
