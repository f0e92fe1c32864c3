package fr.guichet.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String action;

    @Column(name = "actor_account_id")
    private Long actorAccountId;

    @Column(name = "acting_organization_id")
    private Long actingOrganizationId;

    private String target;

    @Column(name = "source_address")
    private String sourceAddress;

    private String details;

    protected AuditEntry() {}

    AuditEntry(
            Instant occurredAt,
            String action,
            @Nullable Long actorAccountId,
            @Nullable Long actingOrganizationId,
            @Nullable String target,
            @Nullable String sourceAddress,
            @Nullable String details) {
        this.occurredAt = occurredAt;
        this.action = action;
        this.actorAccountId = actorAccountId;
        this.actingOrganizationId = actingOrganizationId;
        this.target = cut(target, 300);
        this.sourceAddress = cut(sourceAddress, 64);
        this.details = cut(details, 1000);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String action() {
        return action;
    }

    @Nullable
    Long actorAccountId() {
        return actorAccountId;
    }

    @Nullable
    String target() {
        return target;
    }

    @Nullable
    Long actingOrganizationId() {
        return actingOrganizationId;
    }

    @Nullable
    String details() {
        return details;
    }

    @Nullable
    String sourceAddress() {
        return sourceAddress;
    }
}
