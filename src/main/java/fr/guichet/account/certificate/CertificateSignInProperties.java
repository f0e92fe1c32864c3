package fr.guichet.account.certificate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a reverse proxy that checks client certificates puts the one it received, URL-encoded PEM
 * (nginx's {@code $ssl_client_escaped_cert}) or base64 DER. Unset: no header is read, only what the
 * server's own TLS connection presented. The header is believed only from a trusted proxy.
 */
@ConfigurationProperties("guichet.certificate-sign-in")
record CertificateSignInProperties(@Nullable String proxyHeader) {

    boolean readsHeader() {
        return proxyHeader != null && !proxyHeader.isBlank();
    }
}
