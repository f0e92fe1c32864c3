package fr.guichet.federation.saml;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code guichet.federation.saml}: the portal's name as a SAML service provider. Unset, it is the
 * address of its metadata, the federations' custom.
 */
@ConfigurationProperties("guichet.federation.saml")
record SamlProperties(@Nullable String entityId) {}
