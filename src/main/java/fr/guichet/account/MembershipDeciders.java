package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.util.List;

/**
 * Who is told that a person asks to be associated with an organisation: those who decide its
 * declared memberships. The administration module knows them and implements this; the account
 * module, which it depends on, only asks.
 */
public interface MembershipDeciders {

    List<AccountId> of(OrganizationId organization);
}
