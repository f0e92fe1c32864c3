package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.organization.Organizations;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@NamedInterface("search")
@Component
public class Reaches {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organizations organizations;

    Reaches(JdbcClient jdbc, Accounts accounts, Organizations organizations) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    public Reach of(AccountId person) {
        var sites = jdbc.sql(
                        "select distinct establishment_id, product_id from correspondent where account_id = ? order by 1, 2")
                .param(person.value())
                .query((rs, n) -> new Reach.Site(rs.getLong(1), rs.getLong(2)))
                .list();
        var agent = accounts.isStaff(person);
        var everything = agent && accounts.isPlatformAdmin(person);
        var teams = agent
                ? jdbc.sql("select team_id from team_member where account_id = ? order by 1")
                        .param(person.value())
                        .query(Long.class)
                        .list()
                : List.<Long>of();
        var contractors = jdbc.sql("select contractor_id from contractor_agent where account_id = ? order by 1")
                .param(person.value())
                .query(Long.class)
                .list();
        var establishments = organizations.findAll(accounts.organizationsOf(person)).stream()
                .map(o -> o.establishmentId().value())
                .distinct()
                .sorted()
                .toList();
        return new Reach(person, establishments, sites, everything, agent, teams, contractors);
    }
}
