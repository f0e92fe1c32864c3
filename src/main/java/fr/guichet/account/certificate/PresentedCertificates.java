package fr.guichet.account.certificate;

import fr.guichet.account.ClientCertificates;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The client certificate a request presents: from the server's TLS connection, or from a trusted proxy. */
@Component
class PresentedCertificates {

    /** What the servlet container puts there when the client authenticated at the TLS handshake. */
    static final String SERVLET_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    // a PEM certificate is a few kilobytes; Tomcat refuses headers above 8 KB anyway
    private static final int MAX_HEADER = 16 * 1024;

    /** A certificate, none, or something sent as one that does not read as one. */
    record Presented(@Nullable X509Certificate certificate, boolean unreadable) {

        static final Presented NONE = new Presented(null, false);
        static final Presented UNREADABLE = new Presented(null, true);
    }

    private final CertificateSignInProperties properties;

    PresentedCertificates(CertificateSignInProperties properties) {
        this.properties = properties;
    }

    /**
     * The TLS connection's certificate first: the handshake proved that the client holds its key. The
     * header next, only when the request comes straight from a trusted proxy, which did that proof; from
     * anyone else the header is ignored, since anybody can write one.
     */
    Presented of(HttpServletRequest request) {
        if (request.getAttribute(SERVLET_ATTRIBUTE) instanceof X509Certificate[] chain && chain.length > 0) {
            return new Presented(chain[0], false);
        }
        if (!properties.readsHeader() || !ClientAddress.fromTrustedProxy(request)) {
            return Presented.NONE;
        }
        var value = request.getHeader(properties.proxyHeader());
        if (value == null || value.isBlank()) {
            return Presented.NONE;
        }
        return read(value.strip()).map(c -> new Presented(c, false)).orElse(Presented.UNREADABLE);
    }

    static Optional<X509Certificate> read(String header) {
        if (header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        try {
            // a '+' of base64 that a proxy left unescaped stays a '+', not the space of a form
            var text = header.contains("%")
                    ? URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8)
                    : header;
            return text.contains("-----BEGIN")
                    ? ClientCertificates.fromPem(text)
                    : ClientCertificates.fromPem(
                            "-----BEGIN CERTIFICATE-----\n" + text + "\n-----END CERTIFICATE-----");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
