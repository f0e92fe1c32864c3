package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the time of {@link PermissionCheckBenchmark} goes, for admins (the same pairs):
 * <ul>
 * <li>{@code permissionsOf}: Permissions.of(X) alone (his grants, super-admin rows, the paths of
 * those organisations, his account for the platform flag);
 * <li>{@code findOrganization}: Organizations.find(Y) alone;
 * <li>{@code oneQuery}: for comparison, the same answer from one SQL statement (prefix test in
 * PostgreSQL) through the application's connection pool: not what the application does, what
 * a one-round-trip check would cost.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CheckPartsBenchmark {

    static final int PAIRS = 1 << 12;

    static final String ONE_QUERY = """
            select exists (
                select 1 from organization_grant g join organization a on a.id = g.organization_id
                where g.account_id = ? and g.kind = 'ADMIN' and starts_with(t.path, a.path))
              or exists (
                select 1 from super_admin s join organization e on e.id = s.establishment_id
                where s.account_id = ? and starts_with(t.path, e.path))
              or exists (select 1 from account p where p.id = ? and p.platform_admin)
            from organization t where t.id = ?""";

    private ConfigurableApplicationContext context;
    private Permissions permissions;
    private Organizations organizations;
    private DataSource dataSource;
    private long[] people;
    private long[] targets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = App.start();
        permissions = context.getBean(Permissions.class);
        organizations = context.getBean(Organizations.class);
        dataSource = context.getBean(DataSource.class);
        BenchData data;
        try (var connection = dataSource.getConnection()) {
            data = new BenchData(connection);
        }
        var pairs = data.pairs("admin", PAIRS, 2026);
        people = pairs[0];
        targets = pairs[1];
        for (int i = 0; i < PAIRS; i++) {
            if (oneQuery(people[i], targets[i]) != data.expected(people[i], targets[i])) {
                throw new IllegalStateException("one-query check disagrees for " + people[i] + " on " + targets[i]);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        App.stop(context);
    }

    private boolean oneQuery(long person, long target) throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(ONE_QUERY)) {
            statement.setLong(1, person);
            statement.setLong(2, person);
            statement.setLong(3, person);
            statement.setLong(4, target);
            try (var rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Benchmark
    public Object permissionsOf() {
        return permissions.of(new AccountId(people[next++ & (PAIRS - 1)]));
    }

    @Benchmark
    public Object findOrganization() {
        return organizations.find(new OrganizationId(targets[next++ & (PAIRS - 1)]));
    }

    @Benchmark
    public boolean oneQuery() throws SQLException {
        int i = next++ & (PAIRS - 1);
        return oneQuery(people[i], targets[i]);
    }
}
