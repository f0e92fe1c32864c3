package fr.guichet.federation.saml;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One authentication request and, once answered, what the provider said. Its states follow one
 * another once each: sent, answered (or refused), collected by the browser that sent it.
 */
@Entity
@Table(name = "saml_request")
class SamlRequest {

    /** Long enough to sign in at the provider, short enough that an answer cannot wait for a thief. */
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(15);

    static final Duration COLLECT_WITHIN = Duration.ofMinutes(2);

    @Id
    private String id;

    @Column(name = "provider_id")
    private long providerId;

    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "answered_at")
    private @Nullable Instant answeredAt;

    @Column(name = "ticket_hash")
    private @Nullable String ticketHash;

    @Column(name = "collected_at")
    private @Nullable Instant collectedAt;

    private @Nullable String subject;
    private @Nullable String email;

    @Column(name = "given_name")
    private @Nullable String givenName;

    @Column(name = "family_name")
    private @Nullable String familyName;

    private @Nullable String uai;
    private @Nullable String affiliations;

    protected SamlRequest() {}

    SamlRequest(String id, long providerId, String sessionHash, Instant now) {
        this.id = id;
        this.providerId = providerId;
        this.sessionHash = sessionHash;
        this.createdAt = now;
    }

    boolean awaitsAnswer(Instant now) {
        return answeredAt == null && createdAt.plus(ANSWER_WITHIN).isAfter(now);
    }

    /** An answer that did not pass its checks ends the request too: it is never tried twice. */
    void refused(Instant now) {
        this.answeredAt = now;
    }

    void answered(
            String ticketHash,
            String subject,
            @Nullable String email,
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String uai,
            @Nullable String affiliations,
            Instant now) {
        this.answeredAt = now;
        this.ticketHash = ticketHash;
        this.subject = subject;
        this.email = email;
        this.givenName = givenName;
        this.familyName = familyName;
        this.uai = uai;
        this.affiliations = affiliations;
    }

    /** Collected once, soon, by the browser whose session sent the request. */
    boolean collectableBy(String sessionHash, Instant now) {
        return ticketHash != null
                && collectedAt == null
                && this.sessionHash.equals(sessionHash)
                && answeredAt != null
                && answeredAt.plus(COLLECT_WITHIN).isAfter(now);
    }

    void collected(Instant now) {
        this.collectedAt = now;
    }

    long providerId() {
        return providerId;
    }

    @Nullable
    String subject() {
        return subject;
    }

    @Nullable
    String email() {
        return email;
    }

    @Nullable
    String givenName() {
        return givenName;
    }

    @Nullable
    String familyName() {
        return familyName;
    }

    @Nullable
    String uai() {
        return uai;
    }

    @Nullable
    String affiliations() {
        return affiliations;
    }
}
