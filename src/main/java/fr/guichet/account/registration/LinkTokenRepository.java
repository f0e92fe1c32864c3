package fr.guichet.account.registration;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LinkTokenRepository extends JpaRepository<LinkToken, Long> {

    Optional<LinkToken> findByTokenHash(String tokenHash);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from LinkToken t where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
    void deleteUnused(long accountId, LinkToken.Purpose purpose);

    /** Marks the token used unless someone else just did: 1 for the one request that wins. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update LinkToken t set t.usedAt = :now where t.id = :id and t.usedAt is null and t.expiresAt > :now")
    int markUsed(long id, Instant now);
}
