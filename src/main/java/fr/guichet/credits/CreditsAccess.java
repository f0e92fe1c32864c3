package fr.guichet.credits;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.SupervisionRight;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with credits: read an organisation's (its supervisors with "visualiser les
 * points", at it or above, and the agency's agents); credit one and correct a movement (agents and
 * platform admins); choose whether a tree draws on one balance (its super admins, platform admins
 * and agents). Those who see nothing of the organisation are told it does not exist.
 */
@Component
class CreditsAccess {

    private final Delegation delegation;
    private final Accounts accounts;
    private final Organizations organizations;

    CreditsAccess(Delegation delegation, Accounts accounts, Organizations organizations) {
        this.delegation = delegation;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    boolean mayRead(AccountId person, OrganizationId organization) {
        return delegation.supervises(person, organization, SupervisionRight.VIEW_CREDITS) || accounts.isStaff(person);
    }

    /** Whether the organisation's home page is his to see (agents read credits without it). */
    boolean seesHome(AccountId person, OrganizationId organization) {
        return delegation.sees(person, organization);
    }

    boolean agent(AccountId person) {
        return accounts.isStaff(person) || accounts.isPlatformAdmin(person);
    }

    boolean mayChooseTree(AccountId person, OrganizationView organization) {
        return agent(person) || delegation.isSuperAdminOf(person, organization.establishmentId());
    }

    /** The organisation, if the person may read its credits: 404 if he sees nothing of it, 403 if he administers it. */
    OrganizationView readable(AccountId person, OrganizationId id) {
        var organization = organizations.find(id).orElseThrow(NotFoundException::new);
        if (!mayRead(person, id)) {
            if (delegation.sees(person, id)) {
                throw new AccessDeniedException("no credits right on organization " + id.value());
            }
            throw new NotFoundException();
        }
        return organization;
    }

    OrganizationView forAgent(AccountId person, OrganizationId id) {
        var organization = readable(person, id);
        if (!agent(person)) {
            throw new AccessDeniedException("not an agent");
        }
        return organization;
    }
}
