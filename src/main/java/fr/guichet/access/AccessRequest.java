package fr.guichet.access;

import fr.guichet.account.AccountId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's request for a service and, once accepted, the grant it gives. Each transition is a
 * method that checks {@link AccessStatus}'s table; the version makes the first of two
 * simultaneous decisions win.
 */
@Entity
@Table(name = "access_request")
class AccessRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id")
    private long serviceId;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "establishment_id")
    private Long establishmentId;

    @Enumerated(EnumType.STRING)
    private AccessStatus status;

    @Column(name = "open_marker")
    private Short openMarker;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private Long endedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reviewed_by")
    private Long reviewedBy;

    @Version
    private long version;

    protected AccessRequest() {}

    AccessRequest(ServiceId service, AccountId person, Long establishmentId, Instant now) {
        this.serviceId = service.value();
        this.accountId = person.value();
        this.establishmentId = establishmentId;
        this.status = AccessStatus.PENDING;
        this.openMarker = 1;
        this.requestedAt = now;
    }

    /** Open services: granted as soon as asked, decided by nobody. */
    void grantAtOnce(Instant now) {
        move(AccessStatus.ACCEPTED);
        this.decidedAt = now;
    }

    void accept(AccountId by, String comment, Instant now) {
        move(AccessStatus.ACCEPTED);
        decided(by, comment, now);
    }

    void refuse(AccountId by, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new AccessRuleRefusal("access.refuse.comment-required");
        }
        move(AccessStatus.REFUSED);
        decided(by, comment, now);
    }

    /** by is null when the person's departure from the establishment ends it. */
    void revoke(AccountId by, Instant now) {
        move(AccessStatus.REVOKED);
        ended(by, now);
    }

    void cancel(Instant now) {
        move(AccessStatus.CANCELLED);
        ended(null, now);
    }

    void confirmInReview(AccountId by, Instant now) {
        if (status != AccessStatus.ACCEPTED) {
            throw new AccessRuleRefusal("access.review.not-active");
        }
        this.reviewedAt = now;
        this.reviewedBy = by.value();
    }

    private void move(AccessStatus next) {
        if (!status.canBecome(next)) {
            throw new AccessRuleRefusal(
                    status == AccessStatus.PENDING ? "access.state.pending" : "access.already-decided");
        }
        this.status = next;
        this.openMarker = next.open() ? (short) 1 : null;
    }

    private void decided(AccountId by, String comment, Instant now) {
        this.decidedBy = by.value();
        this.decisionComment = comment == null || comment.isBlank() ? null : comment.strip();
        this.decidedAt = now;
    }

    private void ended(AccountId by, Instant now) {
        this.endedBy = by == null ? null : by.value();
        this.endedAt = now;
    }

    AccessRequestId id() {
        return new AccessRequestId(id);
    }

    ServiceId serviceId() {
        return new ServiceId(serviceId);
    }

    AccountId accountId() {
        return new AccountId(accountId);
    }

    Long establishmentId() {
        return establishmentId;
    }

    AccessStatus status() {
        return status;
    }

    AccessRequestView view() {
        return new AccessRequestView(
                id(),
                serviceId(),
                accountId(),
                establishmentId,
                status,
                requestedAt,
                decidedAt,
                decidedBy == null ? null : new AccountId(decidedBy),
                decisionComment,
                endedAt,
                lastUsedAt,
                reviewedAt);
    }
}
