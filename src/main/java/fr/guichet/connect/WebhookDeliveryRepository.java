package fr.guichet.connect;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    @Query("""
            select d.id from WebhookDelivery d
            where d.status = fr.guichet.connect.WebhookDelivery.Status.PENDING and d.nextAttemptAt <= :now
            order by d.id""")
    List<Long> findDue(Instant now, Pageable page);

    List<WebhookDelivery> findByConnectedServiceIdOrderByIdAsc(long connectedServiceId);
}
