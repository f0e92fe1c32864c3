/**
 * Signing in through an OpenID Connect provider: Spring Security's client (authorization code with
 * PKCE, the ID token's signature, issuer, audience and nonce checked) with registrations read from
 * the providers' table instead of the configuration, and the provider's answer handed to the
 * landing instead of becoming a sign-in of its own.
 */
@ApplicationModule(
        displayName = "Federation: OpenID Connect",
        allowedDependencies = {"federation", "account", "shared"})
@NullMarked
package fr.guichet.federation.oidc;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
