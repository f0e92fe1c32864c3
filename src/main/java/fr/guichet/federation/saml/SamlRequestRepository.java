package fr.guichet.federation.saml;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SamlRequestRepository extends JpaRepository<SamlRequest, String> {

    /** Locked: the same answer posted twice at once is accepted once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SamlRequest r where r.id = :id")
    Optional<SamlRequest> lock(String id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SamlRequest r where r.ticketHash = :ticketHash")
    Optional<SamlRequest> lockByTicket(String ticketHash);

    @Modifying
    @Query("delete from SamlRequest r where r.createdAt < :before")
    int deleteCreatedBefore(Instant before);
}
