package fr.guichet.account;

import fr.guichet.organization.OrganizationView;

/**
 * The e-mails that tell a person what a super admin decided about the membership he declared.
 * {@link Accounts} decides; the nested module that writes the account's e-mails sends them, in the
 * decision's transaction, since the root never depends on its nested modules.
 */
public interface MembershipNotices {

    void confirmed(Account account, OrganizationView organization);

    /** @param reason as the super admin wrote it; null or blank when he gave none */
    void refused(Account account, OrganizationView organization, String reason);
}
