package fr.guichet.federation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface FederatedIdentityRepository extends JpaRepository<FederatedIdentity, Long> {

    Optional<FederatedIdentity> findByProviderIdAndSubject(long providerId, String subject);

    Optional<FederatedIdentity> findByAccountIdAndProviderId(long accountId, long providerId);

    List<FederatedIdentity> findByAccountIdOrderByLinkedAt(long accountId);

    long countByProviderId(long providerId);

    /** His identities, locked: two untyings at once cannot leave him without a way in. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from FederatedIdentity i where i.accountId = :accountId")
    List<FederatedIdentity> lockOf(long accountId);
}
