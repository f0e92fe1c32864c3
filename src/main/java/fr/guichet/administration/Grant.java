package fr.guichet.administration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One right or role, held by one person in one organisation. */
@Entity
@Table(name = "organization_grant")
class Grant {

    enum Kind {
        ADMIN,
        SUPERVISION,
        ROLE
    }

    /** Admin and supervision rights belong to no service: they are stored under this code. */
    static final String NO_SERVICE = "-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id")
    private long accountId;

    @Column(name = "organization_id")
    private long organizationId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    @Column(name = "service_code")
    private String serviceCode;

    private String code;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at")
    private Instant grantedAt;

    protected Grant() {}

    Grant(
            long accountId,
            long organizationId,
            Kind kind,
            String serviceCode,
            String code,
            Long grantedBy,
            Instant now) {
        this.accountId = accountId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.serviceCode = serviceCode;
        this.code = code;
        this.grantedBy = grantedBy;
        this.grantedAt = now;
    }

    long accountId() {
        return accountId;
    }

    long organizationId() {
        return organizationId;
    }

    Kind kind() {
        return kind;
    }

    String serviceCode() {
        return serviceCode;
    }

    String code() {
        return code;
    }
}
