/**
 * Signing in through a SAML 2 identity provider (the research and education federation's, an
 * establishment's): Web SSO with an authentication request by redirect and a signed assertion by
 * POST, checked by OneLogin's toolkit (signature against the provider's certificate, audience,
 * destination, validity, and the request it answers, once).
 */
@ApplicationModule(
        displayName = "Federation: SAML",
        allowedDependencies = {"federation", "account", "shared"})
@NullMarked
package fr.guichet.federation.saml;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
