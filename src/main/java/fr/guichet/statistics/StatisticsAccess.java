package fr.guichet.statistics;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.SupervisionRight;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who reads an organisation's statistics: the holders of the supervision right "view statistics"
 * there or above (super admins and platform admins hold it too), and the agency's staff, who read
 * every establishment's. Anyone else is told the page does not exist.
 */
@Component
class StatisticsAccess {

    private final Organizations organizations;
    private final Delegation delegation;
    private final Accounts accounts;

    StatisticsAccess(Organizations organizations, Delegation delegation, Accounts accounts) {
        this.organizations = organizations;
        this.delegation = delegation;
        this.accounts = accounts;
    }

    OrganizationView require(AccountId person, long id) {
        var organization = organizations.find(new OrganizationId(id)).orElseThrow(NotFoundException::new);
        if (!mayView(person, organization.id())) {
            throw new NotFoundException();
        }
        return organization;
    }

    boolean mayView(AccountId person, OrganizationId organization) {
        return accounts.isStaff(person)
                || delegation.supervises(person, organization, SupervisionRight.VIEW_STATISTICS);
    }
}
