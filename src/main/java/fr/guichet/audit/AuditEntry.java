package fr.guichet.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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

    @Column(name = "replay_key")
    private String replayKey;

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
        this.replayKey = replayKeyOf(
                occurredAt,
                action,
                actorAccountId,
                actingOrganizationId,
                this.target,
                this.sourceAddress,
                this.details);
    }

    /**
     * The entry's fingerprint: what it says, to the microsecond the database keeps. A listener turns
     * an event into its entry by a fixed rule, so a delivery of the same event again gives the same
     * key, and the unique index keeps one entry. Each field is written with its length, so no two
     * different entries read alike.
     */
    static String replayKeyOf(
            Instant occurredAt,
            String action,
            @Nullable Long actorAccountId,
            @Nullable Long actingOrganizationId,
            @Nullable String target,
            @Nullable String sourceAddress,
            @Nullable String details) {
        var text = new StringBuilder();
        for (var field : new Object[] {
            occurredAt.truncatedTo(ChronoUnit.MICROS),
            action,
            actorAccountId,
            actingOrganizationId,
            target,
            sourceAddress,
            details
        }) {
            if (field == null) {
                text.append("-;");
            } else {
                var value = field.toString();
                text.append(value.length()).append(':').append(value).append(';');
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    String replayKey() {
        return replayKey;
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
