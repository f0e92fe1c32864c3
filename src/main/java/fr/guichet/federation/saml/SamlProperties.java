package fr.guichet.federation.saml;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.federation.saml}: the portal's name as a SAML service provider (unset, the address
 * of its metadata, the federations' custom), and the federation whose metadata lists the identity
 * providers people choose from.
 */
@ConfigurationProperties("guichet.federation.saml")
record SamlProperties(@Nullable String entityId, @Nullable Federation federation) {

    /**
     * @param metadata where the federation publishes its metadata: an https address, or a file
     * @param certificate the certificate the federation signs it with (PEM, inline or a file's path)
     * @param refresh how often it is read again
     */
    record Federation(
            @Nullable String metadata,
            @Nullable String certificate,
            @Nullable Duration refresh) {}
}
