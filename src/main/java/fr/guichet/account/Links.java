package fr.guichet.account;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links put in e-mails, built on the configured public address of the portal. */
@Component
class Links {

    private final URI baseUrl;

    Links(@Value("${guichet.base-url}") URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    String to(String path) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path).build().toUriString();
    }

    String withToken(String path, String token) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path).queryParam("jeton", token).build().toUriString();
    }
}
