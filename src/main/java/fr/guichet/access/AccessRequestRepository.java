package fr.guichet.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccessRequestRepository extends JpaRepository<AccessRequest, Long> {

    List<AccessRequest> findByAccountIdOrderByRequestedAtDescIdDesc(long accountId);

    List<AccessRequest> findByAccountIdAndStatusIn(long accountId, Collection<AccessStatus> statuses);

    List<AccessRequest> findByEstablishmentIdAndStatusOrderByRequestedAtAscIdAsc(
            Long establishmentId, AccessStatus status);

    boolean existsByServiceIdAndAccountIdAndStatus(long serviceId, long accountId, AccessStatus status);

    Optional<AccessRequest> findFirstByServiceIdAndAccountIdAndStatus(
            long serviceId, long accountId, AccessStatus status);

    @Query("""
            select r from AccessRequest r where r.status = fr.guichet.access.AccessStatus.PENDING
              and r.serviceId in (select s.id from Service s where s.decidedBy = fr.guichet.access.DecidedBy.AGENCY)
            order by r.requestedAt, r.id""")
    List<AccessRequest> findPendingForAgency();

    @Query("""
            select r.accountId from AccessRequest r
            where r.serviceId = :serviceId and r.status = fr.guichet.access.AccessStatus.ACCEPTED order by r.accountId""")
    List<Long> findGrantHolders(long serviceId);

    /** One statement, not load-and-save: this runs on every download. */
    @Modifying
    @Query("""
            update AccessRequest r set r.lastUsedAt = :at
            where r.serviceId = :serviceId and r.accountId = :accountId and r.status = fr.guichet.access.AccessStatus.ACCEPTED""")
    int recordUse(long serviceId, long accountId, Instant at);
}
