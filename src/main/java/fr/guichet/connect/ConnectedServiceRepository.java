package fr.guichet.connect;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConnectedServiceRepository extends JpaRepository<ConnectedService, Long> {

    Optional<ConnectedService> findByServiceId(long serviceId);

    Optional<ConnectedService> findByClientId(String clientId);

    Optional<ConnectedService> findByRegisteredClientId(String registeredClientId);

    /** Asked on every client look-up of the authorization server: one column, not the entity. */
    @Query("select c.enabled from ConnectedService c where c.clientId = :clientId")
    Optional<Boolean> enabledByClientId(String clientId);
}
