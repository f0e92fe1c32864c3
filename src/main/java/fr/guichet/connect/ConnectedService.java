package fr.guichet.connect;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue service registered as an OIDC client. What the authorization server needs of the client
 * (redirect URIs, scopes, its hashed secret) is in its own table; this row ties the client to the
 * service, says whether it may still be used and where its webhooks go.
 */
@Entity
@Table(name = "connected_service")
class ConnectedService {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "service_id")
    private long serviceId;

    @Column(name = "registered_client_id")
    private String registeredClientId;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "webhook_url")
    private @Nullable String webhookUrl;

    @Column(name = "webhook_secret")
    private String webhookSecret;

    private boolean enabled;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Version
    private long version;

    protected ConnectedService() {}

    ConnectedService(
            long serviceId,
            String registeredClientId,
            String clientId,
            @Nullable String webhookUrl,
            String webhookSecret,
            Instant now) {
        this.serviceId = serviceId;
        this.registeredClientId = registeredClientId;
        this.clientId = clientId;
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
        this.enabled = true;
        this.createdAt = now;
        this.changedAt = now;
    }

    long id() {
        return id;
    }

    long serviceId() {
        return serviceId;
    }

    String registeredClientId() {
        return registeredClientId;
    }

    String clientId() {
        return clientId;
    }

    @Nullable
    String webhookUrl() {
        return webhookUrl;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    void newWebhookSecret(String secret, Instant now) {
        this.webhookSecret = secret;
        this.changedAt = now;
    }

    void disable(Instant now) {
        this.enabled = false;
        this.changedAt = now;
    }
}
