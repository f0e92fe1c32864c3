package fr.guichet.federation.saml;

import fr.guichet.federation.Protocol;
import fr.guichet.federation.ProviderDoor;
import fr.guichet.federation.ProviderView;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.stereotype.Component;

@Component
class SamlDoor implements ProviderDoor {

    private final SamlExchange exchange;

    SamlDoor(SamlExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public Protocol protocol() {
        return Protocol.SAML;
    }

    @Override
    public String entrance(ProviderView provider, HttpServletRequest request) {
        try {
            return exchange.start(provider, request.getSession().getId(), SamlPages.acs(request));
        } catch (IOException | RuntimeException e) {
            throw new ProviderUnavailable("SAML request for provider " + provider.id() + " failed", e);
        }
    }
}
