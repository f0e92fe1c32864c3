package fr.guichet.shared;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where people reach the portal, the start of every link in an e-mail: guichet.base-url
 * (GUICHET_BASE_URL) when set, as it must be under the production profile, where the portal sits
 * behind a proxy and only the operator knows its address. Unset, as on the embedded default, the
 * links follow the port the portal really listens on: one started with --server.port=8181 mailed
 * links to 8080.
 */
@Component
public class PublicAddress {

    private final Environment environment;
    private final @Nullable URI configured;

    PublicAddress(Environment environment, @Value("${guichet.base-url:}") String configured) {
        if (configured.isBlank() && environment.matchesProfiles(Profiles.PRODUCTION)) {
            throw new IllegalStateException(
                    "the production profile needs the portal's public address, e.g. "
                            + "GUICHET_BASE_URL=https://guichet.example.org (guichet.base-url): it starts every link of every e-mail");
        }
        this.environment = environment;
        this.configured = configured.isBlank() ? null : URI.create(configured.strip());
    }

    public URI uri() {
        if (configured != null) {
            return configured;
        }
        // local.server.port is the port bound once the server has started (server.port=0 picks one)
        var port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://localhost:" + port);
    }

    /** An absolute link to a path of the portal, e.g. link("/demandes/{id}", 42). */
    public String link(String path, Object... uriVariables) {
        return UriComponentsBuilder.fromUri(uri())
                .path(path)
                .buildAndExpand(uriVariables)
                .toUriString();
    }
}
