package fr.guichet.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    /** Takes the normalised value of an {@link EmailAddress}. */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @org.springframework.data.jpa.repository.Query(
            "select distinct a from Account a join a.memberships m where m.organizationId = :organizationId order by a.lastName, a.firstName")
    java.util.List<Account> findMembersOf(long organizationId);

    @org.springframework.data.jpa.repository.Query(
            "select count(m) from Membership m where m.organizationId in :organizationIds")
    long countMemberships(java.util.Collection<Long> organizationIds);

    @org.springframework.data.jpa.repository.Query("select a.platformAdmin from Account a where a.id = :id")
    Optional<Boolean> findPlatformAdmin(long id);

    default Optional<Account> findByEmail(EmailAddress email) {
        return findByEmail(email.value());
    }

    default boolean existsByEmail(EmailAddress email) {
        return existsByEmail(email.value());
    }
}
