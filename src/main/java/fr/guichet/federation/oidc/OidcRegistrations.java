package fr.guichet.federation.oidc;

import fr.guichet.federation.IdentityProviders;
import fr.guichet.federation.Protocol;
import fr.guichet.federation.ProviderView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The enabled OIDC providers as Spring Security's client registrations, their endpoints and keys
 * found by discovery from the issuer. Discovery happens when someone first signs in through the
 * provider, never at start-up: a provider that is down keeps nobody else out. A registration is
 * kept until its provider's settings change.
 */
@Component
class OidcRegistrations implements ClientRegistrationRepository {

    static final String CALLBACK = "/connexion/oidc/retour/";

    private final IdentityProviders providers;
    private final Map<Long, Discovered> discovered = new ConcurrentHashMap<>();

    private record Discovered(long version, ClientRegistration registration) {}

    OidcRegistrations(IdentityProviders providers) {
        this.providers = providers;
    }

    /**
     * @throws IllegalArgumentException or another runtime exception when the provider's discovery
     *     document cannot be read: the caller says the provider is unavailable
     */
    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        long id;
        try {
            id = Long.parseLong(registrationId);
        } catch (NumberFormatException e) {
            return null;
        }
        var provider = providers.enabled(id).filter(p -> p.protocol() == Protocol.OIDC);
        if (provider.isEmpty()) {
            discovered.remove(id);
            return null;
        }
        var known = discovered.get(id);
        if (known != null && known.version() == provider.get().version()) {
            return known.registration();
        }
        var registration = discover(provider.get());
        discovered.put(id, new Discovered(provider.get().version(), registration));
        return registration;
    }

    private static ClientRegistration discover(ProviderView provider) {
        return ClientRegistrations.fromIssuerLocation(provider.issuer())
                .registrationId(Long.toString(provider.id()))
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .scope(provider.scopeList())
                .clientName(provider.name())
                .redirectUri("{baseUrl}" + CALLBACK + "{registrationId}")
                .userNameAttributeName("sub")
                .build();
    }
}
