package fr.guichet.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountRepository extends JpaRepository<Account, Long> {

    /** Takes the normalised value of an {@link EmailAddress}. */
    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    @org.springframework.data.jpa.repository.Query(
            "select distinct a from Account a join a.memberships m where m.organizationId = :organizationId order by a.lastName, a.firstName")
    java.util.List<Account> findMembersOf(long organizationId);

    /**
     * One page of an organisation's members, as plain columns: the list page of a large
     * establishment must not load thousands of accounts with their collections.
     */
    @org.springframework.data.jpa.repository.Query(value = """
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
    org.springframework.data.domain.Page<PersonView> findMemberPage(
            long organizationId, String pattern, org.springframework.data.domain.Pageable pageable);

    @org.springframework.data.jpa.repository.Query("""
            select a.id from Account a
            where lower(a.lastName) like :pattern escape '\\' or lower(a.firstName) like :pattern escape '\\'
               or lower(concat(a.firstName, ' ', a.lastName)) like :pattern escape '\\' or a.email like :pattern escape '\\'
            order by a.id""")
    java.util.List<Long> findIdsNamed(String pattern, org.springframework.data.domain.Pageable pageable);

    @org.springframework.data.jpa.repository.Query(
            "select count(m) from Membership m where m.organizationId in :organizationIds")
    long countMemberships(java.util.Collection<Long> organizationIds);

    /**
     * Records a sign-in without touching the account's version: two sign-ins of one person at
     * the same moment (two tabs, two devices) must not fail each other.
     */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(
            "update Account a set a.lastSignInAt = :at, a.preferredLocale = :language where a.id = :id")
    int recordSignIn(long id, java.time.Instant at, String language);

    @org.springframework.data.jpa.repository.Query("select a.platformAdmin from Account a where a.id = :id")
    Optional<Boolean> findPlatformAdmin(long id);

    @org.springframework.data.jpa.repository.Query(
            "select (a.platformAdmin or a.agent) from Account a where a.id = :id")
    Optional<Boolean> findStaff(long id);

    @org.springframework.data.jpa.repository.Query("select a.id, a.email, a.preferredLocale from Account a"
            + " where a.id in :ids and a.status = fr.guichet.account.Account.Status.ACTIVE")
    java.util.List<Object[]> findActiveRecipients(java.util.Collection<Long> ids);

    @org.springframework.data.jpa.repository.Query(
            "select a from Account a where a.lastNameFolded in :words order by a.id")
    java.util.List<Account> findByLastNameIn(
            java.util.Collection<String> words, org.springframework.data.domain.Pageable page);

    @org.springframework.data.jpa.repository.Query("select a.preferredLocale from Account a where a.id = :id")
    Optional<String> findPreferredLocale(long id);

    @org.springframework.data.jpa.repository.Query(
            "select a.email from Account a where a.platformAdmin = true and a.status = fr.guichet.account.Account.Status.ACTIVE order by a.id")
    java.util.List<String> findPlatformAdminEmails();

    @org.springframework.data.jpa.repository.Query(
            "select a.id from Account a where a.platformAdmin = true and a.status = fr.guichet.account.Account.Status.ACTIVE order by a.id")
    java.util.List<Long> findPlatformAdminIds();

    default Optional<Account> findByEmail(EmailAddress email) {
        return findByEmail(email.value());
    }

    default boolean existsByEmail(EmailAddress email) {
        return existsByEmail(email.value());
    }
}
