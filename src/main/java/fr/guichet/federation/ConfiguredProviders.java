package fr.guichet.federation;

import fr.guichet.organization.Organizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes the configuration's providers at start-up. One that is wrong is left out with a clear line
 * in the log, not a failed start: the portal, and everyone's password, keep working.
 */
@Component
class ConfiguredProviders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredProviders.class);

    private final FederationProperties properties;
    private final IdentityProviders providers;
    private final Organizations organizations;

    ConfiguredProviders(FederationProperties properties, IdentityProviders providers, Organizations organizations) {
        this.properties = properties;
        this.providers = providers;
        this.organizations = organizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var configured : properties.providers()) {
            var key = configured.key();
            if (key == null || key.isBlank() || key.length() > 100 || configured.protocol() == null) {
                log.error("guichet.federation.providers: an entry without key or protocol is left out");
                continue;
            }
            Long establishment = null;
            if (configured.establishmentDomain() != null) {
                var found = organizations.establishmentOwningEmailDomain(configured.establishmentDomain());
                if (found.isEmpty()) {
                    log.error(
                            "identity provider '{}' left out: no establishment owns the domain {}",
                            key,
                            configured.establishmentDomain());
                    continue;
                }
                establishment = found.get().id().value();
            }
            var settings = ProviderSettings.of(
                    configured.protocol(),
                    configured.name(),
                    establishment,
                    configured.issuer(),
                    configured.clientId(),
                    configured.clientSecret(),
                    configured.scopes(),
                    configured.casServerUrl(),
                    configured.samlEntityId(),
                    configured.samlSsoUrl(),
                    configured.samlCertificate());
            try {
                providers.configure(key, settings, !Boolean.FALSE.equals(configured.enabled()));
            } catch (InvalidProvider invalid) {
                log.error("identity provider '{}' left out: {}", key, invalid.problems());
            } catch (DataIntegrityViolationException otherNode) {
                log.info("identity provider '{}' written by another node starting at the same time", key);
            }
        }
    }
}
