package fr.guichet.account.places;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is concerned by places: two queries of account ids, one on the chosen places, one on the
 * memberships of the organisations located there. The account and membership tables are this
 * module's parent's; the organisations' postal codes are asked of their module.
 */
@Component
class ConcernedPeople {

    /** Organisations per query: well under the bind parameters a statement may hold. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final Organizations organizations;

    ConcernedPeople(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    Set<AccountId> by(Collection<Place> targets) {
        var concerned = new HashSet<AccountId>();
        if (targets.isEmpty()) {
            return concerned;
        }
        var geography = Geography.FRANCE;
        jdbc.sql("""
                        select distinct p.account_id from place_preference p join account a on a.id = p.account_id
                        where a.status = 'ACTIVE' and p.place in (:places)""")
                .param(
                        "places",
                        geography.around(targets).stream().map(Place::code).toList())
                .query(Long.class)
                .list()
                .forEach(id -> concerned.add(new AccountId(id)));
        var beginnings = geography.departementsIn(targets).stream()
                .flatMap(d -> PostalCodes.beginningsOf(d).stream())
                .toList();
        if (beginnings.isEmpty()) {
            return concerned;
        }
        var located = organizations.withPostalCodeBeginningWith(beginnings).stream()
                .map(OrganizationId::value)
                .toList();
        for (var from = 0; from < located.size(); from += CHUNK) {
            membersOf(located.subList(from, Math.min(located.size(), from + CHUNK)))
                    .forEach(id -> concerned.add(new AccountId(id)));
        }
        return concerned;
    }

    private List<Long> membersOf(List<Long> organizationIds) {
        return jdbc.sql("""
                        select distinct m.account_id from membership m join account a on a.id = m.account_id
                        where a.status = 'ACTIVE' and m.status = 'CONFIRMED' and m.organization_id in (:organizations)""")
                .param("organizations", organizationIds)
                .query(Long.class)
                .list();
    }
}
