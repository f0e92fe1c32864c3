package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administration module's API for other modules: who administers what. */
@Service
public class Delegation {

    private final Permissions permissions;
    private final Organizations organizations;

    Delegation(Permissions permissions, Organizations organizations) {
        this.permissions = permissions;
        this.organizations = organizations;
    }

    /** True when the person holds an admin right at or above the organisation (or is super/platform admin). */
    @Transactional(readOnly = true)
    public boolean administers(AccountId person, OrganizationId organization) {
        return organizations.find(organization).map(o -> permissions.of(person).administers(o.path())).orElse(false);
    }
}
