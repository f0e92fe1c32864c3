package fr.guichet.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("""
            select m.id from OutboxMessage m
            where m.status = fr.guichet.notification.OutboxMessage.Status.PENDING and m.nextAttemptAt <= :now
            order by m.nextAttemptAt, m.id""")
    List<Long> findDue(Instant now, Pageable page);

    List<OutboxMessage> findByOrderByIdDesc(Pageable page);
}
