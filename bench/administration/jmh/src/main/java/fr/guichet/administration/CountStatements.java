package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import javax.sql.DataSource;

/**
 * Not a benchmark: prints the SQL statements (Hibernate's log) of one permission check per kind
 * of person, between markers, so that run.sh can count them.
 *   java -cp … fr.guichet.administration.CountStatements
 */
public final class CountStatements {

    public static void main(String[] args) throws Exception {
        System.setProperty("guichet.sql.log", "DEBUG");
        try (var context = App.start()) {
            var delegation = context.getBean(Delegation.class);
            BenchData data;
            try (var connection = context.getBean(DataSource.class).getConnection()) {
                data = new BenchData(connection);
            }
            for (var who : new String[] {"admin", "super-admin", "member"}) {
                var pairs = data.pairs(who, 3, 7);
                for (int i = 0; i < 3; i++) {
                    // the first call of each kind warms up; the last one is counted
                    if (i == 2) {
                        System.out.println("=== BEGIN " + who + " account " + pairs[0][i] + " organisation " + pairs[1][i]);
                    }
                    var answer = delegation.administers(new AccountId(pairs[0][i]), new OrganizationId(pairs[1][i]));
                    if (i == 2) {
                        System.out.println("=== END " + who + " answer " + answer);
                    }
                }
            }
        }
        System.exit(0);
    }
}
