package fr.guichet.federation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider as the protocols and the pages read it. The client secret is here for the protocol
 * that sends it to the provider; {@link #toString()} leaves it out, and no page shows it.
 */
public record ProviderView(
        long id,
        Protocol protocol,
        String name,
        @Nullable Long establishmentId,
        boolean enabled,
        boolean fromConfiguration,
        boolean fromMetadata,
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String scopes,
        @Nullable String casServerUrl,
        @Nullable String samlEntityId,
        @Nullable String samlSsoUrl,
        @Nullable String samlCertificate,
        Instant changedAt,
        long version) {

    public List<String> scopeList() {
        return scopes == null ? List.of("openid") : Arrays.asList(scopes.trim().split("\\s+"));
    }

    public boolean hasSecret() {
        return clientSecret != null;
    }

    @Override
    public String toString() {
        return "ProviderView[" + id + ", " + protocol + ", " + name + "]";
    }
}
