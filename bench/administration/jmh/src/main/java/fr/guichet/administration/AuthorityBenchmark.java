package fr.guichet.administration;

import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure rule alone: {@link AdminAuthority} (built beforehand exactly as Permissions.of builds
 * it, from the generated database's grants and paths) asked about a target path. No database,
 * no Spring during the measurement: what the check costs once a person's authority is at hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthorityBenchmark {

    static final int PAIRS = 1 << 12;

    @Param({"admin", "super-admin", "member"})
    public String who;

    private AdminAuthority[] authorities;
    private String[] paths;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var url = System.getProperty("guichet.db.url", "jdbc:postgresql://localhost:5432/guichet_bench");
        try (var connection = DriverManager.getConnection(url, System.getProperty("guichet.db.user", "postgres"),
                System.getProperty("guichet.db.password", ""))) {
            var data = new BenchData(connection);
            var codes = new HashMap<Long, Map<String, Set<AdminRight>>>();
            try (var s = connection.createStatement();
                    var rs = s.executeQuery("select account_id, organization_id, code from organization_grant where kind = 'ADMIN'")) {
                while (rs.next()) {
                    codes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(data.pathOf.get(rs.getLong(2)), p -> EnumSet.noneOf(AdminRight.class))
                            .add(AdminRight.valueOf(rs.getString(3)));
                }
            }
            var pairs = data.pairs(who, PAIRS, 2026);
            authorities = new AdminAuthority[PAIRS];
            paths = new String[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                var person = pairs[0][i];
                var superPaths = new HashSet<String>();
                data.superAdminOf.getOrDefault(person, java.util.List.of()).forEach(e -> superPaths.add(data.pathOf.get(e)));
                authorities[i] = new AdminAuthority(codes.getOrDefault(person, Map.of()), superPaths, false);
                paths[i] = data.pathOf.get(pairs[1][i]);
                if (authorities[i].administers(paths[i]) != data.expected(person, pairs[1][i])) {
                    throw new IllegalStateException("AdminAuthority disagrees for " + person + " on " + pairs[1][i]);
                }
            }
        }
    }

    @Benchmark
    public boolean administers() {
        int i = next++ & (PAIRS - 1);
        return authorities[i].administers(paths[i]);
    }

    @Benchmark
    public boolean mayCreateUsersIn() {
        int i = next++ & (PAIRS - 1);
        return authorities[i].mayCreateUsersIn(paths[i]);
    }
}
