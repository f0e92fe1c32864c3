package fr.guichet.account;

import fr.guichet.organization.OrganizationView;
import java.util.List;

/**
 * The e-mails about a declared membership: its deciders told of a request, the person told what a
 * super admin decided.
 * {@link Accounts} decides; the nested module that writes the account's e-mails sends them, in the
 * decision's transaction, since the root never depends on its nested modules.
 */
public interface MembershipNotices {

    /** Those who decide are told that the person asks to be associated with their organisation. */
    void requested(Account account, OrganizationView organization, List<Recipient> deciders);

    void confirmed(Account account, OrganizationView organization);

    /** @param reason as the super admin wrote it; null or blank when he gave none */
    void refused(Account account, OrganizationView organization, String reason);
}
