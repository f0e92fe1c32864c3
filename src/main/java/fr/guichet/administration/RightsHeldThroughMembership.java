package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.MembershipHoldings;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@link HeldThroughMembership} would end, told beforehand: his rights and roles in the
 * organisation, and his super admin seat when he would leave the establishment's tree.
 */
@Component
class RightsHeldThroughMembership implements MembershipHoldings {

    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final Organizations organizations;

    RightsHeldThroughMembership(GrantRepository grants, SuperAdminRepository superAdmins, Organizations organizations) {
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.organizations = organizations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Holding> heldThrough(
            AccountId person, OrganizationId organization, OrganizationId establishment, boolean leavesEstablishment) {
        var held = new ArrayList<Holding>();
        if (leavesEstablishment && superAdmins.existsById(new SuperAdmin.Key(establishment.value(), person.value()))) {
            held.add(new Holding(
                    "associations.held.super-admin",
                    organizations.find(establishment).map(o -> o.label()).orElse("")));
        }
        grants.findByAccountId(person.value()).stream()
                .filter(g -> g.organizationId() == organization.value())
                .map(g -> switch (g.kind()) {
                    case ADMIN -> new Holding("admin-right." + g.code(), "");
                    case SUPERVISION -> new Holding("supervision-right." + g.code(), "");
                    case ROLE -> new Holding("associations.held.role", g.serviceCode() + " : " + g.code());
                })
                .forEach(held::add);
        return held;
    }
}
