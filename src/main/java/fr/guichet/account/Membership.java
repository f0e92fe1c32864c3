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
import java.time.Instant;

/**
 * A person's belonging to an organisation. Declared at registration; confirmed when the e-mail's
 * domain is one of the establishment's (or, later, by a super admin).
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

    protected Membership() {}

    Membership(Account account, long organizationId, Status status, Instant now) {
        this.account = account;
        this.organizationId = organizationId;
        this.status = status;
        this.createdAt = now;
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
