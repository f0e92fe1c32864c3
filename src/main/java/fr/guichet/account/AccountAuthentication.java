package fr.guichet.account;

import org.jspecify.annotations.Nullable;

/** How a person signs in, as his admins see it: the method, and the certificate when it is one. */
public record AccountAuthentication(
        AuthenticationMethod method, @Nullable RegisteredCertificate certificate) {}
