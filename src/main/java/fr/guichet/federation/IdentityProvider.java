package fr.guichet.federation;

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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An identity provider the agency trusts. Its protocol's settings are columns of their own rather
 * than a document: the page, the configuration file and the protocols read the same fields.
 */
@Entity
@Table(name = "identity_provider")
class IdentityProvider {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Protocol protocol;

    private String name;

    @Column(name = "establishment_id")
    private @Nullable Long establishmentId;

    private boolean enabled;

    /** Set for a provider written by the deployment's configuration: the page shows it, never edits it. */
    @Column(name = "config_key")
    private @Nullable String configKey;

    private @Nullable String issuer;

    @Column(name = "client_id")
    private @Nullable String clientId;

    @Column(name = "client_secret")
    private @Nullable String clientSecret;

    private @Nullable String scopes;

    @Column(name = "cas_server_url")
    private @Nullable String casServerUrl;

    @Column(name = "saml_entity_id")
    private @Nullable String samlEntityId;

    @Column(name = "saml_sso_url")
    private @Nullable String samlSsoUrl;

    @Column(name = "saml_certificate")
    private @Nullable String samlCertificate;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "withdrawn_at")
    private @Nullable Instant withdrawnAt;

    @Version
    private long version;

    protected IdentityProvider() {}

    IdentityProvider(ProviderSettings settings, @Nullable String configKey, Instant now) {
        this.protocol = settings.protocol();
        this.configKey = configKey;
        this.createdAt = now;
        this.enabled = true;
        change(settings, now);
    }

    /** A secret left empty keeps the one stored: the page never shows it back. */
    void change(ProviderSettings settings, Instant now) {
        if (settings.protocol() != protocol) {
            throw new IllegalArgumentException("a provider keeps its protocol");
        }
        this.name = settings.name();
        this.establishmentId = settings.establishmentId();
        this.issuer = settings.issuer();
        this.clientId = settings.clientId();
        if (settings.clientSecret() != null) {
            this.clientSecret = settings.clientSecret();
        }
        this.scopes = settings.scopes();
        this.casServerUrl = settings.casServerUrl();
        this.samlEntityId = settings.samlEntityId();
        this.samlSsoUrl = settings.samlSsoUrl();
        this.samlCertificate = settings.samlCertificate();
        this.changedAt = now;
    }

    /** The field that says which server's people these are, when the settings change it; else null. */
    @Nullable
    String identifyingFieldChangedBy(ProviderSettings s) {
        if (!Objects.equals(issuer, s.issuer())) {
            return "issuer";
        }
        if (!Objects.equals(samlEntityId, s.samlEntityId())) {
            return "samlEntityId";
        }
        if (!Objects.equals(casServerUrl, s.casServerUrl())) {
            return "casServerUrl";
        }
        return null;
    }

    boolean differsFrom(ProviderSettings s, boolean enabled) {
        return this.enabled != enabled
                || !name.equals(s.name())
                || !Objects.equals(establishmentId, s.establishmentId())
                || !Objects.equals(issuer, s.issuer())
                || !Objects.equals(clientId, s.clientId())
                || (s.clientSecret() != null && !s.clientSecret().equals(clientSecret))
                || !Objects.equals(scopes, s.scopes())
                || !Objects.equals(casServerUrl, s.casServerUrl())
                || !Objects.equals(samlEntityId, s.samlEntityId())
                || !Objects.equals(samlSsoUrl, s.samlSsoUrl())
                || !Objects.equals(samlCertificate, s.samlCertificate());
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.withdrawnAt = null;
        this.changedAt = now;
    }

    /** The federation no longer lists it: off until it does again. */
    void withdraw(Instant now) {
        this.enabled = false;
        this.withdrawnAt = now;
        this.changedAt = now;
    }

    /** Listed again: back on, unless a platform admin turned it off himself. */
    boolean relisted(Instant now) {
        if (withdrawnAt == null) {
            return false;
        }
        enable(true, now);
        return true;
    }

    boolean fromConfiguration() {
        return configKey != null;
    }

    boolean fromMetadata() {
        return configKey != null && configKey.startsWith(IdentityProviders.METADATA);
    }

    @Nullable
    String configKey() {
        return configKey;
    }

    boolean hasSecret() {
        return clientSecret != null;
    }

    long id() {
        return id;
    }

    long version() {
        return version;
    }

    ProviderView view() {
        return new ProviderView(
                id,
                protocol,
                name,
                establishmentId,
                enabled,
                configKey != null,
                fromMetadata(),
                issuer,
                clientId,
                clientSecret,
                scopes,
                casServerUrl,
                samlEntityId,
                samlSsoUrl,
                samlCertificate,
                changedAt,
                version);
    }
}
