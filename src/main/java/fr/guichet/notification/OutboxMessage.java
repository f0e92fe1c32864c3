package fr.guichet.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    enum Status {
        PENDING,
        SENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "message_id")
    private String messageId;

    private String recipient;

    @Column(name = "copy_to")
    private String copyTo;

    private String subject;

    private String body;

    /** Where one click stops this kind of mail (RFC 8058); only on the kinds sent in bulk. */
    @Column(name = "unsubscribe_url")
    private String unsubscribeUrl;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {}

    OutboxMessage(
            String messageId,
            String recipient,
            String copyTo,
            String subject,
            String body,
            String unsubscribeUrl,
            Instant now) {
        this.unsubscribeUrl = unsubscribeUrl;
        this.messageId = messageId;
        this.recipient = recipient;
        this.copyTo = copyTo;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    /** Exponential backoff, capped: the message is never given up, only tried less often. */
    void failed(String error, Instant now, Duration base, Duration max) {
        attempts++;
        lastError = error == null ? "?" : error.substring(0, Math.min(error.length(), 500));
        var delay = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(max) > 0 ? max : delay);
    }

    Long id() {
        return id;
    }

    String messageId() {
        return messageId;
    }

    String recipient() {
        return recipient;
    }

    /** Addresses in copy, comma-separated; null when none. */
    String copyTo() {
        return copyTo;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    /** Null when the message has no one-click unsubscription. */
    String unsubscribeUrl() {
        return unsubscribeUrl;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
