package fr.guichet.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

    /** Takes the normalised value of an {@link EmailAddress}. */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @Query(
            "select distinct a from Account a join a.memberships m where m.organizationId = :organizationId order by a.lastName, a.firstName")
    List<Account> findMembersOf(long organizationId);

    /**
     * One page of an organisation's members, as plain columns: the list page of a large
     * establishment must not load thousands of accounts with their collections.
     */
    @Query(value = """
            select new fr.guichet.account.PersonView(new fr.guichet.account.AccountId(a.id), a.email, a.civility,
                a.lastName, a.firstName, a.jobTitle, coalesce(a.landline, a.mobile),
                case when a.status = fr.guichet.account.Account.Status.ACTIVE then true else false end)
            from Account a
            where exists (select 1 from Membership m where m.account = a and m.organizationId = :organizationId)
              and (:pattern = '' or lower(a.lastName) like :pattern escape '\\' or lower(a.firstName) like :pattern escape '\\'
                   or a.email like :pattern escape '\\')
            order by lower(a.lastName), lower(a.firstName), a.id""", countQuery = """
            select count(a) from Account a
            where exists (select 1 from Membership m where m.account = a and m.organizationId = :organizationId)
              and (:pattern = '' or lower(a.lastName) like :pattern escape '\\' or lower(a.firstName) like :pattern escape '\\'
                   or a.email like :pattern escape '\\')""")
    Page<PersonView> findMemberPage(long organizationId, String pattern, Pageable pageable);

    @Query("""
            select a.id from Account a
            where lower(a.lastName) like :pattern escape '\\' or lower(a.firstName) like :pattern escape '\\'
               or lower(concat(a.firstName, ' ', a.lastName)) like :pattern escape '\\' or a.email like :pattern escape '\\'
            order by a.id""")
    List<Long> findIdsNamed(String pattern, Pageable pageable);

    @Query("select a from Account a join a.memberships m where m.id = :membershipId")
    Optional<Account> findByMembershipId(long membershipId);

    /** Declared memberships of active accounts: an address nobody proved holding is not worth a super admin's look. */
    @Query("""
            select m from Membership m join fetch m.account a
            where m.organizationId = :organizationId and m.status = fr.guichet.account.Membership.Status.DECLARED
              and a.status = fr.guichet.account.Account.Status.ACTIVE
            order by m.createdAt, m.id""")
    List<Membership> findDeclared(long organizationId);

    @Query("select count(m) from Membership m where m.organizationId in :organizationIds")
    long countMemberships(Collection<Long> organizationIds);

    /**
     * Records a sign-in without touching the account's version: two sign-ins of one person at
     * the same moment (two tabs, two devices) must not fail each other.
     */
    @Modifying
    @Query("update Account a set a.lastSignInAt = :at, a.preferredLocale = :language where a.id = :id")
    int recordSignIn(long id, Instant at, String language);

    @Query("select a.platformAdmin from Account a where a.id = :id")
    Optional<Boolean> findPlatformAdmin(long id);

    @Query("select (a.platformAdmin or a.agent) from Account a where a.id = :id")
    Optional<Boolean> findStaff(long id);

    @Query("select a.id, a.email, a.preferredLocale from Account a"
            + " where a.id in :ids and a.status = fr.guichet.account.Account.Status.ACTIVE")
    List<Object[]> findActiveRecipients(Collection<Long> ids);

    @Query("select a from Account a where a.lastNameFolded in :words order by a.id")
    List<Account> findByLastNameIn(Collection<String> words, Pageable page);

    @Query("select a.preferredLocale from Account a where a.id = :id")
    Optional<String> findPreferredLocale(long id);

    @Query(
            "select a.email from Account a where a.platformAdmin = true and a.status = fr.guichet.account.Account.Status.ACTIVE order by a.id")
    List<String> findPlatformAdminEmails();

    @Query(
            "select a.id from Account a where a.platformAdmin = true and a.status = fr.guichet.account.Account.Status.ACTIVE order by a.id")
    List<Long> findPlatformAdminIds();

    /** The account that signs in with the certificate of this SHA-256 (one at most: a unique constraint). */
    @Query("select a from Account a where a.certificate.sha256 = :sha256")
    Optional<Account> findByCertificateSha256(String sha256);

    default Optional<Account> findByEmail(EmailAddress email) {
        return findByEmail(email.value());
    }

    default boolean existsByEmail(EmailAddress email) {
        return existsByEmail(email.value());
    }
}
