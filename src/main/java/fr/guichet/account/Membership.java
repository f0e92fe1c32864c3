package fr.guichet.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person's belonging to an organisation. Declared at registration; confirmed when the e-mail's
 * domain is one of the establishment's, or by a super admin (a refusal ends it).
 */
@Entity
@Table(name = "membership")
public class Membership {

    public enum Status {
        DECLARED,
        CONFIRMED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "organization_id")
    private long organizationId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Two super admins deciding at once, or a decision on a membership ended meanwhile: the first one wins. */
    @Version
    private long version;

    protected Membership() {}

    Membership(Account account, long organizationId, Status status, Instant now) {
        this.account = account;
        this.organizationId = organizationId;
        this.status = status;
        this.createdAt = now;
    }

    /** Only a declared membership waits for a decision: a confirmed one was vouched for already. */
    boolean awaitsConfirmation() {
        return status == Status.DECLARED;
    }

    void confirm() {
        if (!awaitsConfirmation()) {
            throw new IllegalStateException("membership " + id + " is " + status);
        }
        this.status = Status.CONFIRMED;
    }

    Account account() {
        return account;
    }

    /** Null-safe: a membership just joined has no id until it is written. */
    boolean hasId(@Nullable Long other) {
        return id != null && id.equals(other);
    }

    MembershipId id() {
        return new MembershipId(id);
    }

    public long organizationId() {
        return organizationId;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
