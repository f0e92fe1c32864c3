package fr.guichet.federation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityProviderRepository extends JpaRepository<IdentityProvider, Long> {

    Optional<IdentityProvider> findByConfigKey(String configKey);

    List<IdentityProvider> findByEnabledTrueOrderByName();

    boolean existsByEnabledTrue();

    List<IdentityProvider> findByConfigKeyStartingWith(String prefix);

    List<IdentityProvider> findAllByOrderByName();

    List<IdentityProvider> findByEnabledTrueAndEstablishmentId(long establishmentId);
}
