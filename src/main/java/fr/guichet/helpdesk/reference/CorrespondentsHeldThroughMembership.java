package fr.guichet.helpdesk.reference;

import fr.guichet.account.AccountId;
import fr.guichet.account.MembershipHoldings;
import fr.guichet.organization.OrganizationId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What {@link CorrespondentsLeaving} would end, told beforehand: his correspondent seats in the establishment. */
@Component
class CorrespondentsHeldThroughMembership implements MembershipHoldings {

    private final JdbcClient jdbc;

    CorrespondentsHeldThroughMembership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holding> heldThrough(
            AccountId person, OrganizationId organization, OrganizationId establishment, boolean leavesEstablishment) {
        if (!leavesEstablishment) {
            return List.of();
        }
        return jdbc
                .sql("select p.name from correspondent c join product p on p.id = c.product_id"
                        + " where c.establishment_id = ? and c.account_id = ? order by p.name, c.kind")
                .params(establishment.value(), person.value())
                .query(String.class)
                .list()
                .stream()
                .distinct()
                .map(product -> new Holding("associations.held.correspondent", product))
                .toList();
    }
}
