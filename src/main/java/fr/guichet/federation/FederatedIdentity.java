package fr.guichet.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A provider's subject tied to one account. */
@Entity
@Table(name = "federated_identity")
class FederatedIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "provider_id")
    private long providerId;

    private String subject;

    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    protected FederatedIdentity() {}

    FederatedIdentity(long accountId, long providerId, String subject, Instant now) {
        this.accountId = accountId;
        this.providerId = providerId;
        this.subject = subject;
        this.linkedAt = now;
        this.lastUsedAt = now;
    }

    void used(Instant now) {
        this.lastUsedAt = now;
    }

    long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    long providerId() {
        return providerId;
    }

    String subject() {
        return subject;
    }

    Instant linkedAt() {
        return linkedAt;
    }

    @Nullable
    Instant lastUsedAt() {
        return lastUsedAt;
    }
}
