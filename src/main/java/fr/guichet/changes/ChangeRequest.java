package fr.guichet.changes;

import fr.guichet.account.AccountId;
import fr.guichet.helpdesk.ProductId;
import fr.guichet.organization.OrganizationId;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A change request: the data as it was when asked ({@code before}, JSON, none when there was none)
 * and as wanted ({@code after}). It is decided once ({@link Decision}); the version column makes a
 * second decision taken at the same moment fail instead of deciding twice.
 */
@Entity
@Table(name = "change_request")
class ChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ChangeKind kind;

    @Column(name = "establishment_id")
    private long establishmentId;

    @Column(name = "product_id")
    private @Nullable Long productId;

    @Column(name = "requester_id")
    private long requesterId;

    @Enumerated(EnumType.STRING)
    private ChangeStatus status;

    @Column(name = "before_data")
    private @Nullable String before;

    @Column(name = "after_data")
    private String after;

    @Embedded
    private @Nullable Proof proof;

    private @Nullable String reason;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decided_by")
    private @Nullable Long decidedBy;

    private boolean outdated;

    @Column(name = "pending_slot")
    private @Nullable String pendingSlot;

    @Version
    private long version;

    protected ChangeRequest() {}

    ChangeRequest(Draft draft, AccountId requester, @Nullable Proof proof, Instant now) {
        var product = draft.product();
        this.kind = draft.kind();
        this.establishmentId = draft.establishment().value();
        this.productId = product == null ? null : product.value();
        this.requesterId = requester.value();
        this.status = ChangeStatus.PENDING;
        this.before = draft.before();
        this.after = draft.after();
        this.proof = proof;
        this.createdAt = now;
        this.pendingSlot =
                kind + ":" + establishmentId + ":" + (productId == null ? "-" : productId) + ":" + draft.about();
    }

    /** Decides it, once: a request already decided stays as it was decided. */
    void decide(Decision decision, @Nullable AccountId agent, @Nullable String reason, Instant now) {
        if (status.decided()) {
            throw new ChangeRefusal("changes.decided-already");
        }
        var text = reason == null ? null : reason.strip();
        if (decision.needsReason() && (text == null || text.isEmpty())) {
            throw new ChangeRefusal("changes.reason.required");
        }
        if (text != null && text.length() > 2000) {
            throw new ChangeRefusal("changes.reason.too-long", 2000);
        }
        this.status = decision.leadsTo();
        this.reason = text == null || text.isEmpty() ? null : text;
        this.decidedAt = now;
        this.decidedBy = decision.bySystem() || agent == null ? null : agent.value();
        this.outdated = decision == Decision.OUTDATED;
        // the establishment may ask again
        this.pendingSlot = null;
    }

    /** What no second pending request may be about; none once decided. */
    @Nullable
    String pendingSlot() {
        return pendingSlot;
    }

    ChangeRequestId id() {
        return new ChangeRequestId(id);
    }

    ChangeKind kind() {
        return kind;
    }

    OrganizationId establishment() {
        return new OrganizationId(establishmentId);
    }

    @Nullable
    ProductId product() {
        return productId == null ? null : new ProductId(productId);
    }

    AccountId requester() {
        return new AccountId(requesterId);
    }

    ChangeStatus status() {
        return status;
    }

    @Nullable
    String before() {
        return before;
    }

    String after() {
        return after;
    }

    @Nullable
    Proof proof() {
        return proof;
    }

    @Nullable
    String reason() {
        return reason;
    }

    Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Instant decidedAt() {
        return decidedAt;
    }

    /** Refused by the portal: the data had changed since the request. */
    boolean outdated() {
        return outdated;
    }

    @Nullable
    AccountId decidedBy() {
        return decidedBy == null ? null : new AccountId(decidedBy);
    }
}
