package fr.guichet.changes;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    boolean existsByPendingSlot(String pendingSlot);

    List<ChangeRequest> findByRequesterIdOrderByCreatedAtDesc(long requesterId);

    /** The agency's queue, the oldest first; the id orders requests of the same instant as they came. */
    @Query(value = """
                    select r from ChangeRequest r where r.status = :status
                    and (:establishment is null or r.establishmentId = :establishment)
                    and (:kind is null or r.kind = :kind)
                    order by r.createdAt, r.id""", countQuery = """
                    select count(r) from ChangeRequest r where r.status = :status
                    and (:establishment is null or r.establishmentId = :establishment)
                    and (:kind is null or r.kind = :kind)""")
    Page<ChangeRequest> findQueue(
            ChangeStatus status, @Nullable Long establishment, @Nullable ChangeKind kind, Pageable page);

    /** Each establishment with requests in that status (of that kind), and how many: rows of (id, count). */
    @Query("""
            select r.establishmentId, count(r) from ChangeRequest r where r.status = :status
            and (:kind is null or r.kind = :kind) group by r.establishmentId""")
    List<Object[]> countPendingByEstablishment(ChangeStatus status, @Nullable ChangeKind kind);

    List<ChangeRequest> findByStatusAndEstablishmentIdInOrderByCreatedAtDesc(
            ChangeStatus status, Collection<Long> establishmentIds);
}
