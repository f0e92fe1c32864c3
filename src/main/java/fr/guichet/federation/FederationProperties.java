package fr.guichet.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.federation.providers}: the identity providers of an automated deployment, written
 * at each start (docs/sign-in.md). The establishment is named by one of its e-mail domains, which
 * a deployment knows, rather than by a database id, which it does not.
 */
@ConfigurationProperties("guichet.federation")
record FederationProperties(@Nullable List<Configured> providers) {

    FederationProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    record Configured(
            @Nullable String key,
            @Nullable Protocol protocol,
            @Nullable String name,
            @Nullable String establishmentDomain,
            @Nullable Boolean enabled,
            @Nullable String issuer,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String scopes,
            @Nullable String casServerUrl,
            @Nullable String samlEntityId,
            @Nullable String samlSsoUrl,
            @Nullable String samlCertificate) {}
}
