package fr.guichet.connect;

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
import org.jspecify.annotations.Nullable;

/**
 * One event for one connected service, written in the transaction of the change it reports. Its
 * event id stays the same through every attempt: the service, which may receive it twice (a crash
 * between its answer and our mark), recognises it by that id.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    enum Status {
        PENDING,
        DELIVERED,
        /** Given up: the service was disabled meanwhile. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id")
    private String eventId;

    @Column(name = "connected_service_id")
    private long connectedServiceId;

    @Column(name = "event_type")
    private String eventType;

    private String payload;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "delivered_at")
    private @Nullable Instant deliveredAt;

    protected WebhookDelivery() {}

    WebhookDelivery(String eventId, long connectedServiceId, String eventType, String payload, Instant now) {
        this.eventId = eventId;
        this.connectedServiceId = connectedServiceId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    long id() {
        return id;
    }

    String eventId() {
        return eventId;
    }

    long connectedServiceId() {
        return connectedServiceId;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    void delivered(Instant now) {
        status = Status.DELIVERED;
        deliveredAt = now;
        attempts++;
        lastError = null;
    }

    /** Exponential backoff, capped: never given up while the service is connected, only tried less often. */
    void failed(String error, Instant now, Duration base, Duration max) {
        attempts++;
        lastError = error.substring(0, Math.min(error.length(), 500));
        var delay = base.multipliedBy(1L << Math.min(attempts - 1, 20));
        nextAttemptAt = now.plus(delay.compareTo(max) > 0 ? max : delay);
    }

    void abandoned(String reason) {
        status = Status.FAILED;
        lastError = reason;
    }
}
