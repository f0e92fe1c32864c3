package fr.guichet.account.invitations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An organisation's invitation to a person who already has an account: he becomes its member only
 * by accepting it through the e-mailed link, which proves the mailbox is his. One per person and
 * organisation (a new one replaces the older); used or declined, it is gone.
 */
@Entity
@Table(name = "membership_invitation")
class MembershipInvitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "organization_id")
    private long organizationId;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected MembershipInvitation() {}

    MembershipInvitation(
            long accountId, long organizationId, Long invitedBy, String tokenHash, Instant now, Instant expiresAt) {
        this.accountId = accountId;
        this.organizationId = organizationId;
        this.invitedBy = invitedBy;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    Long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    long organizationId() {
        return organizationId;
    }

    Long invitedBy() {
        return invitedBy;
    }
}
