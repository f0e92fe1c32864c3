/**
 * Signing in with a client certificate (issue 15): the certificate the TLS connection presented
 * (mTLS at the server) or the one a trusted reverse proxy checked and forwards in a header, matched
 * against the certificate an admin registered for the account, which must sign in by certificate.
 */
@ApplicationModule(
        displayName = "Accounts: certificate sign-in",
        allowedDependencies = {"account", "account::events"})
@NullMarked
package fr.guichet.account.certificate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
