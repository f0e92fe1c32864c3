package fr.guichet.account.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored half of a link sent by e-mail: the hash of its secret, its purpose and its life. */
@Entity
@Table(name = "link_token")
public class LinkToken {

    public enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD,
        CHANGE_EMAIL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "new_email")
    private String newEmail;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected LinkToken() {}

    LinkToken(long accountId, Purpose purpose, String tokenHash, String newEmail, Instant now, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    Purpose purpose() {
        return purpose;
    }

    public String newEmail() {
        return newEmail;
    }
}
