package fr.guichet.access;

import fr.guichet.account.Accounts;
import fr.guichet.account.MembershipEnded;
import fr.guichet.administration.SuperAdminNamed;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What other modules' events change here. Both reactions are idempotent: a replay does nothing more. */
@Component
class AccessListeners {

    private final AccessRequests requests;
    private final Accounts accounts;
    private final Organizations organizations;

    AccessListeners(AccessRequests requests, Accounts accounts, Organizations organizations) {
        this.requests = requests;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    /** Leaving the establishment (its last organisation there) revokes its grants (seed 000 rule of the issue). */
    @ApplicationModuleListener
    void on(MembershipEnded ended) {
        organizations.find(new OrganizationId(ended.organizationId())).ifPresent(left -> {
            var establishment = left.establishmentId();
            var stillThere = organizations.findAll(accounts.organizationsOf(ended.account())).stream()
                    .anyMatch(o -> o.establishmentId().equals(establishment));
            if (!stillThere) {
                requests.endAllIn(ended.account(), establishment);
            }
        });
    }

    @ApplicationModuleListener
    void on(SuperAdminNamed named) {
        requests.superAdminNamed(new OrganizationId(named.organizationId()));
    }
}
