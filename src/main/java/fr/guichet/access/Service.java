package fr.guichet.access;

import fr.guichet.account.InterestDomain;
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
import java.util.Locale;

/** An entry of the catalogue: a framework agreement or another tool of the agency. */
@Entity
@Table(name = "catalogue_service")
class Service {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    private InterestDomain domain;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_by")
    private DecidedBy decidedBy;

    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Service() {}

    Service(ServiceDefinition definition, Instant now) {
        this.code = definition.code().strip().toUpperCase(Locale.ROOT);
        change(definition);
        this.createdAt = now;
    }

    /** The code is the service's name in URLs and exchanges with other tools: fixed once created. */
    void change(ServiceDefinition definition) {
        this.name = definition.name().strip();
        this.description =
                definition.description() == null || definition.description().isBlank()
                        ? null
                        : definition.description().strip();
        this.domain = definition.domain();
        this.decidedBy = definition.decidedBy();
        this.active = Boolean.TRUE.equals(definition.active());
    }

    ServiceId id() {
        return new ServiceId(id);
    }

    String code() {
        return code;
    }

    boolean active() {
        return active;
    }

    DecidedBy decidedBy() {
        return decidedBy;
    }

    ServiceView view() {
        return new ServiceView(id(), code, name, description, domain, decidedBy, active);
    }
}
