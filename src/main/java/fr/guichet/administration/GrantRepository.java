package fr.guichet.administration;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GrantRepository extends JpaRepository<Grant, Long> {

    List<Grant> findByAccountId(long accountId);

    List<Grant> findByOrganizationId(long organizationId);

    List<Grant> findByOrganizationIdAndKind(long organizationId, Grant.Kind kind);

    List<Grant> findByOrganizationIdInAndKind(Collection<Long> organizationIds, Grant.Kind kind);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from Grant g where g.accountId = :accountId and g.organizationId = :organizationId")
    int deleteAllOf(long accountId, long organizationId);
}
