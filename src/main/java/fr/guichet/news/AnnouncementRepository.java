package fr.guichet.news;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnnouncementRepository extends JpaRepository<Announcement, Long> {

    @Query("""
            select a.id from Announcement a
            where a.status = fr.guichet.news.AnnouncementStatus.SCHEDULED and a.publishAt <= :now
            order by a.publishAt, a.id""")
    List<Long> findDue(Instant now);

    @Query("select a.id from Announcement a where a.status = fr.guichet.news.AnnouncementStatus.SENDING order by a.id")
    List<Long> findSending();

    List<Announcement> findByOrderByPublishAtDescIdDesc(Pageable page);
}
