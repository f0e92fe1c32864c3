package fr.guichet.notification;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each message is marked in its own transaction right after the
 * server accepted it: a crash in between resends it once, with the same Message-ID; nothing
 * else can make it go twice, and a failure only delays it.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboxRepository repository;
    private final MailTransport transport;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDispatcher(
            OutboxRepository repository,
            MailTransport transport,
            MailProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.transport = transport;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${guichet.mail.dispatch-interval}",
            initialDelayString = "${guichet.mail.dispatch-interval}")
    @SchedulerLock(name = "mail-dispatcher", lockAtMostFor = "PT5M")
    void dispatchDue() {
        var due = repository.findDue(clock.instant(), PageRequest.of(0, properties.batchSize()));
        for (var id : due) {
            var message = repository.findById(id).orElse(null);
            if (message == null || message.status() != OutboxMessage.Status.PENDING) {
                continue;
            }
            try {
                transport.deliver(message);
                transactions.executeWithoutResult(
                        tx -> repository.findById(id).ifPresent(m -> m.sent(clock.instant())));
            } catch (Exception e) {
                log.warn("Mail {} to be retried: {}", message.messageId(), e.toString());
                transactions.executeWithoutResult(tx -> repository
                        .findById(id)
                        .ifPresent(m -> m.failed(
                                e.toString(), clock.instant(), properties.retryBase(), properties.retryMax())));
            }
        }
    }
}
