package fr.guichet.account;

import fr.guichet.shared.PublicAddress;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links put in e-mails, built on the public address of the portal. */
@Component
public class Links {

    private final PublicAddress address;

    Links(PublicAddress address) {
        this.address = address;
    }

    public String to(String path) {
        return address.link(path);
    }

    public String withToken(String path, String token) {
        return UriComponentsBuilder.fromUri(address.uri())
                .path(path)
                .queryParam("jeton", token)
                .build()
                .toUriString();
    }
}
