package fr.guichet.changes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeRequestRepository extends JpaRepository<ChangeRequest, Long> {

    boolean existsByPendingSlot(String pendingSlot);

    List<ChangeRequest> findByRequesterIdOrderByCreatedAtDesc(long requesterId);

    List<ChangeRequest> findByStatusOrderByCreatedAtAscIdAsc(ChangeStatus status);

    List<ChangeRequest> findByEstablishmentIdAndProductIdOrderByCreatedAtDesc(long establishmentId, long productId);
}
