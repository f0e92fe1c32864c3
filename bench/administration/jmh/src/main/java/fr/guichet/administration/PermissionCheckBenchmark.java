package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "May X act on organisation Y" as the application answers it: the public
 * {@link Delegation#administers(AccountId, OrganizationId)} of the real Spring context against the
 * generated PostgreSQL database (one read-only transaction: the organisation by id, then
 * Permissions.of(X): X's grants, his super-admin establishments, the paths of those
 * organisations, his platform flag; then the path prefix test of AdminAuthority).
 *
 * <p>Sample time: every call is timed, so the result has the percentiles (p50, p95, p99…).
 * Pairs are drawn (fixed seed) by kind of person, and every answer is checked against an
 * independent prefix test on the same data before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 6)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PermissionCheckBenchmark {

    static final int PAIRS = 1 << 12;

    /** admin: one of ~3,300 admins, half the targets in his subtree; super-admin; member: anyone. */
    @Param({"admin", "super-admin", "member"})
    public String who;

    private ConfigurableApplicationContext context;
    private Delegation delegation;
    private long[] people;
    private long[] targets;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = App.start();
        delegation = context.getBean(Delegation.class);
        BenchData data;
        try (var connection = context.getBean(DataSource.class).getConnection()) {
            data = new BenchData(connection);
        }
        var pairs = data.pairs(who, PAIRS, 2026);
        people = pairs[0];
        targets = pairs[1];
        int allowed = 0;
        for (int i = 0; i < PAIRS; i++) {
            var answer = delegation.administers(new AccountId(people[i]), new OrganizationId(targets[i]));
            if (answer != data.expected(people[i], targets[i])) {
                throw new IllegalStateException("wrong answer for account " + people[i] + " on organisation " + targets[i]);
            }
            allowed += answer ? 1 : 0;
        }
        System.out.printf("%n%s: %d pairs, %d allowed, %d refused; every answer checked%n", who, PAIRS, allowed, PAIRS - allowed);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        App.stop(context);
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup
        public void setUp(ThreadParams thread) {
            next = thread.getThreadIndex() * 997;
        }
    }

    @Benchmark
    public boolean administers(Cursor cursor) {
        int i = cursor.next++ & (PAIRS - 1);
        return delegation.administers(new AccountId(people[i]), new OrganizationId(targets[i]));
    }
}
