package fr.guichet.branding;

import fr.guichet.account.AccountId;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.SupervisionRight;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who manages an organisation's branding: whoever holds MANAGE_BRANDING there (granted there or
 * above, or as super admin or platform admin), asked again on every request, so that a revoked
 * grant or an ended membership closes the pages at once. Someone who sees the organisation
 * otherwise (an admin, another supervisor) is refused; anybody else is told it does not exist.
 */
@Component
class BrandingAccess {

    private final Delegation delegation;
    private final Organizations organizations;

    BrandingAccess(Delegation delegation, Organizations organizations) {
        this.delegation = delegation;
        this.organizations = organizations;
    }

    OrganizationView require(AccountId person, long id) {
        var organization = organizations.find(new OrganizationId(id)).orElseThrow(NotFoundException::new);
        if (manages(person, organization.id())) {
            return organization;
        }
        if (delegation.administers(person, organization.id())
                || delegation.supervises(person, organization.id(), SupervisionRight.VIEW_CREDITS)
                || delegation.supervises(person, organization.id(), SupervisionRight.VIEW_STATISTICS)) {
            throw new AccessDeniedException("MANAGE_BRANDING not held");
        }
        throw new NotFoundException();
    }

    boolean manages(AccountId person, OrganizationId organization) {
        return delegation.supervises(person, organization, SupervisionRight.MANAGE_BRANDING);
    }
}
