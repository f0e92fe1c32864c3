/**
 * Signing in through one's establishment: the identity providers an agency trusts (OpenID Connect,
 * SAML 2, CAS), configured by platform admins or by a deployment's configuration; the chooser of
 * one's establishment; what the first sign-in through a provider does (link the account of the
 * same vouched-for address, or create one in the establishment the provider names, the person
 * completing only what it did not say); and "Mon compte"'s list of linked identities. The
 * protocols' own exchanges live in nested modules; they hand the provider's answer to
 * {@link fr.guichet.federation.FederatedLanding}.
 */
@ApplicationModule(
        displayName = "Federation",
        allowedDependencies = {"account", "account::events", "notification", "organization", "shared"})
@NullMarked
package fr.guichet.federation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
