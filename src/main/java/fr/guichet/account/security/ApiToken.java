package fr.guichet.account.security;

import fr.guichet.account.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A personal API token: acts with its owner's rights; only its hash is stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    private String name;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {}

    ApiToken(AccountId account, String name, String tokenHash, Instant now) {
        this.accountId = account.value();
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Recorded at most once a minute, so that a busy client does not write on every call. */
    void used(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USE_PRECISION).isBefore(now)) {
            lastUsedAt = now;
        }
    }

    public boolean active() {
        return revokedAt == null;
    }

    public Long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
