package fr.guichet.knowledge;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SheetRepository extends JpaRepository<Sheet, Long> {

    /**
     * A ticket's sheet row, hidden (publication NONE) until followed, unless it exists: two acts on
     * one ticket followed at once then queue on its row instead of both inserting it. 1 when inserted.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = """
            insert into kb_sheet (number, publication, status, title, description, source_digest, opened_at, updated_at)
            values (:number, 'NONE', 'NEW', '', '', '', :now, :now) on conflict do nothing""", nativeQuery = true)
    int insertHiddenIfAbsent(long number, Instant now);

    /** The hidden row just inserted for a ticket that is not publishable: never an entity, never indexed. */
    @Modifying
    @Query(
            value = "delete from kb_sheet where number = :number and publication = 'NONE' and source_digest = ''",
            nativeQuery = true)
    void deleteUnfollowed(long number);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Sheet s where s.number = :number")
    Optional<Sheet> lockedById(long number);
}
