package fr.guichet.federation;

import fr.guichet.account.EstablishmentSignIn;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Sends the members of an establishment that has a provider to it, rather than to a new password.
 */
@Component
class RegistrationDoors implements EstablishmentSignIn {

    private final IdentityProviders providers;

    RegistrationDoors(IdentityProviders providers) {
        this.providers = providers;
    }

    @Override
    public Optional<Door> forEmailDomain(String domain) {
        return providers.forEmailDomain(domain).map(p -> new Door(p.name(), "/connexion/etablissement/" + p.id()));
    }

    @Override
    public boolean offered() {
        return providers.anyEnabled();
    }
}
