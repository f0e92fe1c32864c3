package fr.guichet.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /**
     * The messages due, those written for one person first: a message sent in bulk (one of a kind
     * that carries a one-click unsubscription link: new documents, releases, announcements) waits
     * behind them, so that a password reset asked for while a hundred thousand announcements are
     * queued leaves at the next run instead of after them (bench/news). Oldest first within each.
     */
    @Query("""
            select m.id from OutboxMessage m
            where m.status = fr.guichet.notification.OutboxMessage.Status.PENDING and m.nextAttemptAt <= :now
            order by case when m.unsubscribeUrl is null then 0 else 1 end, m.nextAttemptAt, m.id""")
    List<Long> findDue(Instant now, Pageable page);

    List<OutboxMessage> findByOrderByIdDesc(Pageable page);
}
