package fr.guichet.connect;

import fr.guichet.shared.ServiceBearers;
import fr.guichet.shared.ServiceCaller;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A connected service's own access token (client credentials) taken by the API: signed by this
 * server, not expired, marked as a service's and not a person's, and its client still enabled (a
 * disabled service's token stops at once, not when it expires).
 */
@Component
class ServiceTokens implements ServiceBearers {

    /** The claim {@link PersonClaims} puts in a client-credentials token, and only there. */
    static final String CALLER_CLAIM = "guichet_caller";

    static final String SERVICE = "service";

    private final JwtDecoder decoder;
    private final ConnectedServiceRepository connected;

    ServiceTokens(JwtDecoder decoder, ConnectedServiceRepository connected) {
        this.decoder = decoder;
        this.connected = connected;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceCaller> authenticate(String token) {
        try {
            var jwt = decoder.decode(token);
            if (!SERVICE.equals(jwt.getClaimAsString(CALLER_CLAIM)) || jwt.getSubject() == null) {
                return Optional.empty();
            }
            var scopes = jwt.getClaimAsStringList("scope");
            return connected
                    .findByClientId(jwt.getSubject())
                    .filter(ConnectedService::enabled)
                    .map(c -> new ServiceCaller(c.clientId(), scopes == null ? Set.of() : Set.copyOf(scopes)));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
