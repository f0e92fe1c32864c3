package fr.guichet.federation;

import fr.guichet.shared.CleanText;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A provider's settings as typed on the page or written in the configuration, checked the same way
 * for both: {@link #problems()} lists each field that is wrong, by the message code that says why.
 * Fields of another protocol than the provider's are dropped, not kept half-used.
 */
record ProviderSettings(
        Protocol protocol,
        String name,
        @Nullable Long establishmentId,
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @Nullable String scopes,
        @Nullable String casServerUrl,
        @Nullable String samlEntityId,
        @Nullable String samlSsoUrl,
        @Nullable String samlCertificate) {

    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    record Problem(String field, String code) {}

    static ProviderSettings of(
            Protocol protocol,
            @Nullable String name,
            @Nullable Long establishmentId,
            @Nullable String issuer,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String scopes,
            @Nullable String casServerUrl,
            @Nullable String samlEntityId,
            @Nullable String samlSsoUrl,
            @Nullable String samlCertificate) {
        var oidc = protocol == Protocol.OIDC;
        var saml = protocol == Protocol.SAML;
        return new ProviderSettings(
                protocol,
                blankToEmpty(name),
                establishmentId,
                oidc ? trimmed(issuer) : null,
                oidc ? trimmed(clientId) : null,
                oidc ? trimmed(clientSecret) : null,
                oidc ? withOpenid(trimmed(scopes)) : null,
                protocol == Protocol.CAS ? trimmed(casServerUrl) : null,
                saml ? trimmed(samlEntityId) : null,
                saml ? trimmed(samlSsoUrl) : null,
                saml ? trimmed(samlCertificate) : null);
    }

    /**
     * What is wrong, field by field. A new OIDC provider needs its secret; a changed one keeps the
     * stored secret when none is typed.
     */
    List<Problem> problems(boolean secretStored) {
        var problems = new ArrayList<Problem>();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.length() > 200) {
            problems.add(new Problem("name", "validation.too-long"));
        }
        switch (protocol) {
            case OIDC -> {
                url("issuer", issuer, problems);
                required("clientId", clientId, 255, problems);
                if (clientSecret == null && !secretStored) {
                    problems.add(new Problem("clientSecret", "validation.required"));
                } else if (clientSecret != null && clientSecret.length() > 1000) {
                    problems.add(new Problem("clientSecret", "validation.too-long"));
                }
                if (scopes != null
                        && (scopes.length() > 300
                                || !List.of(scopes.split(" ")).stream()
                                        .allMatch(s -> SCOPE.matcher(s).matches()))) {
                    problems.add(new Problem("scopes", "federation.provider.scopes-invalid"));
                }
            }
            case CAS -> url("casServerUrl", casServerUrl, problems);
            case SAML -> {
                required("samlEntityId", samlEntityId, 500, problems);
                url("samlSsoUrl", samlSsoUrl, problems);
                if (samlCertificate == null) {
                    problems.add(new Problem("samlCertificate", "validation.required"));
                } else if (samlCertificate.length() > 10000 || !isCertificate(samlCertificate)) {
                    problems.add(new Problem("samlCertificate", "federation.provider.certificate-invalid"));
                }
            }
        }
        return problems;
    }

    private static void required(String field, @Nullable String value, int max, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "validation.required"));
        } else if (value.length() > max) {
            problems.add(new Problem(field, "validation.too-long"));
        }
    }

    /** https, or http on this machine only: a provider tried locally before it goes live. */
    private static void url(String field, @Nullable String value, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem(field, "validation.required"));
            return;
        }
        if (value.length() > 500) {
            problems.add(new Problem(field, "validation.too-long"));
            return;
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            var host = uri.getHost();
            var local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
            if (host == null
                    || uri.getFragment() != null
                    || uri.getUserInfo() != null
                    || !(scheme.equals("https") || (scheme.equals("http") && local))) {
                problems.add(new Problem(field, "federation.provider.url-invalid"));
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(new Problem(field, "federation.provider.url-invalid"));
        }
    }

    static boolean isCertificate(String pem) {
        try {
            var text = pem.contains("-----BEGIN")
                    ? pem
                    : "-----BEGIN CERTIFICATE-----\n" + pem + "\n-----END CERTIFICATE-----\n";
            CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
            return true;
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    private static String blankToEmpty(@Nullable String value) {
        var trimmed = trimmed(value);
        return trimmed == null ? "" : trimmed;
    }

    private static @Nullable String trimmed(@Nullable String value) {
        var cleaned = CleanText.text(value);
        if (cleaned == null || cleaned.isBlank()) {
            return null;
        }
        return cleaned.strip();
    }

    private static @Nullable String withOpenid(@Nullable String scopes) {
        if (scopes == null) {
            return "openid email profile";
        }
        var words = new ArrayList<>(List.of(scopes.split("\\s+")));
        if (!words.contains("openid")) {
            words.add(0, "openid");
        }
        return String.join(" ", words);
    }
}
