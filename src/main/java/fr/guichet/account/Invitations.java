package fr.guichet.account;

import fr.guichet.organization.OrganizationView;
import java.util.Locale;

/**
 * The e-mails that bring someone into an organisation. {@link Accounts} decides who joins and when;
 * the nested module that holds the links these e-mails carry sends them, since the root never
 * depends on its nested modules.
 */
public interface Invitations {

    /** A person who never chose his password gets a link to choose it, which activates his account. */
    void toActivate(Account account, String invitedBy, Locale locale);

    /** Someone who already has an account is asked to join; he becomes a member only by accepting. */
    void toJoin(Account account, OrganizationView organization, AccountId invitedBy, String inviterName);
}
