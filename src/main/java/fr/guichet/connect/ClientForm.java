package fr.guichet.connect;

import fr.guichet.shared.ServiceCaller;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A service's registration as an OIDC client, as the platform admin types it: addresses one per line.
 * The addresses are checked here, before anything is saved, each failure with the message key the
 * form shows next to its field.
 */
record ClientForm(
        @Nullable @Size(max = 1000, message = "{validation.too-long}")
        String redirectUris,

        @Nullable @Size(max = 1000, message = "{validation.too-long}")
        String postLogoutRedirectUris,

        @Nullable List<String> scopes,

        @Nullable @Size(max = 500, message = "{validation.too-long}")
        String webhookUrl) {

    /** The scopes a service may ask besides openid, which every connected service has. */
    static final List<String> OPTIONAL_SCOPES =
            List.of("profile", "email", ServiceCaller.CREDITS, ServiceCaller.STATISTICS, ServiceCaller.CERTIFICATES);

    static final int MAX_ADDRESSES = 10;

    static ClientForm empty() {
        return new ClientForm("", "", List.of("profile", "email"), "");
    }

    Set<String> chosenScopes() {
        var chosen = new LinkedHashSet<String>();
        if (scopes != null) {
            scopes.stream().filter(OPTIONAL_SCOPES::contains).forEach(chosen::add);
        }
        return chosen;
    }

    static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .distinct()
                .toList();
    }

    /** What is wrong with one address a service gives, as a message key; empty when it will do. */
    static Optional<String> problemOf(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return Optional.of("connect.uri.invalid");
        }
        // the authorization server keeps a client's addresses in one comma-separated column
        if (!uri.isAbsolute() || uri.getHost() == null || address.contains(",") || address.contains("*")) {
            return Optional.of("connect.uri.invalid");
        }
        if (uri.getRawFragment() != null || address.contains("#")) {
            return Optional.of("connect.uri.fragment");
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        // plain http only where nobody else can listen: a service being developed on the same machine
        return scheme.equals("http") && isLocal(uri.getHost()) ? Optional.empty() : Optional.of("connect.uri.https");
    }

    private static boolean isLocal(String host) {
        var h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    /** Every problem of the form, field by field (field, message key, the address at fault). */
    List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        var redirects = lines(redirectUris);
        if (redirects.isEmpty()) {
            problems.add(new Problem("redirectUris", "connect.uri.required", ""));
        }
        addressProblems("redirectUris", redirects, problems);
        addressProblems("postLogoutRedirectUris", lines(postLogoutRedirectUris), problems);
        var webhooks = lines(webhookUrl);
        if (webhooks.size() > 1) {
            problems.add(new Problem("webhookUrl", "connect.uri.one", ""));
        }
        addressProblems("webhookUrl", webhooks, problems);
        return problems;
    }

    private static void addressProblems(String field, List<String> addresses, List<Problem> problems) {
        if (addresses.size() > MAX_ADDRESSES) {
            problems.add(new Problem(field, "connect.uri.too-many", String.valueOf(MAX_ADDRESSES)));
            return;
        }
        addresses.forEach(a -> problemOf(a).ifPresent(key -> problems.add(new Problem(field, key, a))));
    }

    record Problem(String field, String messageKey, String address) {}
}
