package fr.guichet.account.invitations;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MembershipInvitationRepository extends JpaRepository<MembershipInvitation, Long> {

    Optional<MembershipInvitation> findByTokenHash(String tokenHash);

    @Modifying(flushAutomatically = true)
    @Query("delete from MembershipInvitation i where i.accountId = :accountId and i.organizationId = :organizationId")
    int deleteOf(long accountId, long organizationId);

    /** Deleting is using: only the one caller whose delete took the row goes on. */
    @Modifying(flushAutomatically = true)
    @Query("delete from MembershipInvitation i where i.id = :id")
    int take(long id);
}
