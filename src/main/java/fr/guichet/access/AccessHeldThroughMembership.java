package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.MembershipHoldings;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@link AccessListeners} would end, told beforehand: the access to services granted to him
 * as one of the establishment's people, and his requests still waiting there.
 */
@Component
class AccessHeldThroughMembership implements MembershipHoldings {

    private final AccessRequestRepository requests;
    private final ServiceRepository services;

    AccessHeldThroughMembership(AccessRequestRepository requests, ServiceRepository services) {
        this.requests = requests;
        this.services = services;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> heldThrough(
            AccountId person, OrganizationId organization, OrganizationId establishment, boolean leavesEstablishment) {
        if (!leavesEstablishment) {
            return List.of();
        }
        return requests
                .findByAccountIdAndStatusIn(person.value(), List.of(AccessStatus.PENDING, AccessStatus.ACCEPTED))
                .stream()
                .filter(r -> Long.valueOf(establishment.value()).equals(r.establishmentId()))
                .flatMap(r -> services.findById(r.serviceId().value()).stream()
                        .map(s -> new Holding(
                                r.status() == AccessStatus.ACCEPTED
                                        ? "associations.held.access"
                                        : "associations.held.access-request",
                                s.view().name())))
                .toList();
    }
}
