package fr.guichet.federation.oidc;

import fr.guichet.federation.Protocol;
import fr.guichet.federation.ProviderDoor;
import fr.guichet.federation.ProviderView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Reads the provider's discovery document before sending anyone there: a provider that is down is
 * said so here, on Guichet's page, not by an error halfway through.
 */
@Component
class OidcDoor implements ProviderDoor {

    private final OidcRegistrations registrations;

    OidcDoor(OidcRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public Protocol protocol() {
        return Protocol.OIDC;
    }

    @Override
    public String entrance(ProviderView provider, HttpServletRequest request) {
        try {
            if (registrations.findByRegistrationId(Long.toString(provider.id())) == null) {
                throw new ProviderUnavailable("provider " + provider.id() + " is off", null);
            }
        } catch (RuntimeException e) {
            if (e instanceof ProviderUnavailable unavailable) {
                throw unavailable;
            }
            throw new ProviderUnavailable("discovery of provider " + provider.id() + " failed", e);
        }
        return request.getContextPath() + OidcSignIn.START + "/" + provider.id();
    }
}
