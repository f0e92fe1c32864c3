package fr.guichet.administration;

import fr.guichet.account.events.MembershipEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a person holds here because of a membership ends with it, in the transaction that ends it:
 * his rights and roles in that organisation, and his super admin seat once he no longer belongs to
 * the establishment's tree. Whoever removes him (page, API, import), this is where it happens.
 */
@Component
class HeldThroughMembership {

    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final ApplicationEventPublisher events;

    HeldThroughMembership(GrantRepository grants, SuperAdminRepository superAdmins, ApplicationEventPublisher events) {
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.events = events;
    }

    @EventListener
    void on(MembershipEnded ended) {
        var services = grants.findByAccountId(ended.account().value()).stream()
                .filter(g -> g.kind() == Grant.Kind.ROLE && g.organizationId() == ended.organizationId())
                .map(Grant::serviceCode)
                .distinct()
                .toList();
        grants.deleteAllOf(ended.account().value(), ended.organizationId());
        services.forEach(service -> events.publishEvent(
                new ServiceRolesChanged(ended.account(), ended.organizationId(), service, ended.occurredAt())));
        var seat = new SuperAdmin.Key(
                ended.establishment().value(), ended.account().value());
        if (ended.leftEstablishment() && superAdmins.existsById(seat)) {
            superAdmins.deleteById(seat);
            superAdmins.flush();
            events.publishEvent(new SuperAdminRemoved(
                    ended.endedBy(),
                    ended.establishment().value(),
                    ended.target(),
                    ended.sourceAddress(),
                    ended.occurredAt()));
        }
    }
}
