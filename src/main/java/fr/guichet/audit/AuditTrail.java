package fr.guichet.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/**
 * Append-only by construction: this repository has no update and no delete ({@link AuditRetention},
 * the one delete, removes what is past its retention period). {@code save} is {@link AuditAppend}'s:
 * an event delivered twice leaves one entry.
 */
interface AuditTrail extends Repository<AuditEntry, Long>, AuditAppend {

    @Override
    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findByActorAccountIdOrderByIdDesc(Long actorAccountId, Pageable page);

    List<AuditEntry> findByTargetOrderByIdDesc(String target, Pageable page);

    List<AuditEntry> findByActingOrganizationIdInOrderByIdDesc(Collection<Long> organizations, Pageable page);
}
