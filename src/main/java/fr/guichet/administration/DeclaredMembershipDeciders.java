package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipDeciders;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Those told of a request to be associated with an organisation: its establishment's super admins,
 * who decide declared memberships. An establishment that has named none yet has nobody to read it:
 * the agency's platform admins, who may decide there too, are told instead, so that it does not wait unseen.
 */
@Component
class DeclaredMembershipDeciders implements MembershipDeciders {

    private final Delegation delegation;
    private final Organizations organizations;
    private final Accounts accounts;

    DeclaredMembershipDeciders(Delegation delegation, Organizations organizations, Accounts accounts) {
        this.delegation = delegation;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountId> of(OrganizationId organization) {
        var superAdmins = organizations
                .find(organization)
                .map(OrganizationView::establishmentId)
                .map(delegation::superAdminsOf)
                .orElse(List.of());
        return superAdmins.isEmpty() ? accounts.platformAdmins() : superAdmins;
    }
}
