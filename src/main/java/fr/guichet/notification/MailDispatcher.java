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
    private final OutboxAttachments attachments;
    private final MailTransport transport;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MailDispatcher(
            OutboxRepository repository,
            OutboxAttachments attachments,
            MailTransport transport,
            MailProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.attachments = attachments;
        this.transport = transport;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${guichet.mail.dispatch-interval}",
            initialDelayString = "${guichet.mail.dispatch-interval}")
    // a node that dies holding the lock holds the mail back until it expires: guichet.mail.dispatch-lock
    @SchedulerLock(name = "mail-dispatcher", lockAtMostFor = "${guichet.mail.dispatch-lock:PT5M}")
    void dispatchDue() {
        // a full batch sent means a backlog (an announcement to thousands) and a server that answers: the
        // next one goes at once, not after the interval, for a fifth of the lock at most so that the lock
        // is released well before it expires; a failure leaves the rest to the interval and the backoff
        var until = clock.instant().plus(properties.dispatchLock().dividedBy(5));
        while (dispatchBatch() == properties.batchSize() && clock.instant().isBefore(until)) {
            // batch after batch
        }
    }

    /** Returns how many messages of the batch went out: fewer than a batch, and the backlog waits for the interval. */
    private int dispatchBatch() {
        var due = repository.findDue(clock.instant(), PageRequest.of(0, properties.batchSize()));
        var sent = 0;
        for (var id : due) {
            var message = repository.findById(id).orElse(null);
            if (message == null || message.status() != OutboxMessage.Status.PENDING) {
                continue;
            }
            try {
                transport.deliver(message, attachments.of(id));
                transactions.executeWithoutResult(
                        tx -> repository.findById(id).ifPresent(m -> m.sent(clock.instant())));
                sent++;
            } catch (Exception e) {
                log.warn("Mail {} to be retried: {}", message.messageId(), e.toString());
                transactions.executeWithoutResult(tx -> repository
                        .findById(id)
                        .ifPresent(m -> m.failed(
                                e.toString(), clock.instant(), properties.retryBase(), properties.retryMax())));
            }
        }
        return sent;
    }
}
