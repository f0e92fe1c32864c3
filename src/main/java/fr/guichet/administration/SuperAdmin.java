package fr.guichet.administration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One of the 1 to 3 super admins of an establishment. */
@Entity
@Table(name = "super_admin")
class SuperAdmin {

    static final int MAX_PER_ESTABLISHMENT = 3;

    @Embeddable
    record Key(
            @Column(name = "establishment_id") long establishmentId,
            @Column(name = "account_id") long accountId) implements Serializable {}

    @EmbeddedId
    private Key key;

    @Column(name = "named_by")
    private Long namedBy;

    @Column(name = "named_at")
    private Instant namedAt;

    protected SuperAdmin() {}

    SuperAdmin(long establishmentId, long accountId, Long namedBy, Instant now) {
        this.key = new Key(establishmentId, accountId);
        this.namedBy = namedBy;
        this.namedAt = now;
    }

    long establishmentId() {
        return key.establishmentId();
    }

    long accountId() {
        return key.accountId();
    }
}
