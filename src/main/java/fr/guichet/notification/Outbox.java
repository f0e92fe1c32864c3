package fr.guichet.notification;

import fr.guichet.shared.PublicAddress;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's API: an e-mail is written here in the transaction of the change it
 * reports, so that both are kept or neither; the dispatcher sends it afterwards.
 */
@Service
public class Outbox {

    private final OutboxRepository repository;
    private final OutboxAttachments attachments;
    private final MailRenderer renderer;
    private final Clock clock;
    private final String messageIdDomain;

    Outbox(
            OutboxRepository repository,
            OutboxAttachments attachments,
            MailRenderer renderer,
            Clock clock,
            PublicAddress address) {
        this.repository = repository;
        this.attachments = attachments;
        this.renderer = renderer;
        this.clock = clock;
        var host = address.uri().getHost();
        this.messageIdDomain = host == null ? "guichet" : host;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMail mail) {
        write(mail, renderer.render(mail));
    }

    void write(OutgoingMail mail, MailRenderer.Rendered rendered) {
        // the Message-ID is fixed now, so a resend after a crash is recognisable as the same message
        var messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        var message = repository.save(new OutboxMessage(
                messageId,
                String.join(", ", mail.to()),
                mail.copies().isEmpty() ? null : String.join(", ", mail.copies()),
                rendered.subject(),
                rendered.bodyWithFooter(),
                rendered.unsubscribeLink(),
                clock.instant()));
        // the identity column gave the message its id on save: its files follow in the same transaction
        attachments.save(message.id(), mail.attachments());
    }
}
