package fr.guichet.access;

import fr.guichet.account.events.MembershipEnded;
import fr.guichet.administration.SuperAdminNamed;
import fr.guichet.organization.OrganizationId;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What other modules' events change here. Both reactions are idempotent: a replay does nothing more. */
@Component
class AccessListeners {

    private final AccessRequests requests;

    AccessListeners(AccessRequests requests) {
        this.requests = requests;
    }

    /**
     * Leaving the establishment (its last organisation there) revokes its grants and ends its pending
     * requests, in the transaction that ends the membership: no decider can accept one in between.
     */
    @EventListener
    void on(MembershipEnded ended) {
        if (ended.leftEstablishment()) {
            requests.endAllIn(ended.account(), ended.establishment());
        }
    }

    @ApplicationModuleListener
    void on(SuperAdminNamed named) {
        requests.superAdminNamed(new OrganizationId(named.organizationId()));
    }
}
