package fr.guichet.certificates;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with certificates: an organisation's are its administrators' (at it or above, its
 * super admins, platform admins) and the agency's agents'; the requests' queue and the moves of the
 * lifecycle are the agents'. A supervisor who sees the organisation is refused (403); anyone else is
 * told it does not exist.
 */
@Component
class CertificateAccess {

    private final Delegation delegation;
    private final Accounts accounts;
    private final Organizations organizations;

    CertificateAccess(Delegation delegation, Accounts accounts, Organizations organizations) {
        this.delegation = delegation;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    boolean agent(AccountId person) {
        return accounts.isStaff(person) || accounts.isPlatformAdmin(person);
    }

    boolean mayManage(AccountId person, OrganizationId organization) {
        return delegation.administers(person, organization) || agent(person);
    }

    OrganizationView manageable(AccountId person, OrganizationId id) {
        var organization = organizations.find(id).orElseThrow(NotFoundException::new);
        if (!mayManage(person, id)) {
            if (delegation.sees(person, id)) {
                throw new AccessDeniedException("no certificates of organization " + id.value());
            }
            throw new NotFoundException();
        }
        return organization;
    }

    void requireAgent(AccountId person) {
        if (!agent(person)) {
            throw new AccessDeniedException("not an agent");
        }
    }
}
