package fr.guichet.administration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the benchmarks draw their (person, organisation) pairs from, read once from the generated
 * database with plain JDBC: every organisation's path, every admin's grants, the super admins.
 * Also the expected answer of "may X act on Y", computed here independently of the application
 * (a path prefix test), to check the application's answers before measuring.
 */
final class BenchData {

    /** path → id, sorted: a subtree is a contiguous range. */
    final TreeMap<String, Long> byPath = new TreeMap<>();
    final Map<Long, String> pathOf = new HashMap<>();
    final long[] organizations;
    /** admin account → organisations where he holds an ADMIN grant */
    final Map<Long, List<Long>> adminGrants = new HashMap<>();
    final long[] admins;
    /** super admin account → his establishments */
    final Map<Long, List<Long>> superAdminOf = new HashMap<>();
    final long[] superAdmins;
    final long[] accounts;

    BenchData(Connection connection) throws SQLException {
        try (var s = connection.createStatement()) {
            var ids = new ArrayList<Long>();
            try (var rs = s.executeQuery("select id, path from organization order by id")) {
                while (rs.next()) {
                    byPath.put(rs.getString(2), rs.getLong(1));
                    pathOf.put(rs.getLong(1), rs.getString(2));
                    ids.add(rs.getLong(1));
                }
            }
            organizations = ids.stream().mapToLong(Long::longValue).toArray();
            try (var rs = s.executeQuery(
                    "select distinct account_id, organization_id from organization_grant where kind = 'ADMIN' order by 1, 2")) {
                while (rs.next()) {
                    adminGrants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            admins = adminGrants.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            try (var rs = s.executeQuery("select account_id, establishment_id from super_admin order by 1, 2")) {
                while (rs.next()) {
                    superAdminOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            superAdmins = superAdminOf.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            var all = new ArrayList<Long>();
            try (var rs = s.executeQuery("select id from account where status = 'ACTIVE' order by id")) {
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
            }
            accounts = all.stream().mapToLong(Long::longValue).toArray();
            try (var rs = s.executeQuery("select count(*) from account where platform_admin")) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException("the generated data has no platform admin; this one has some");
                }
            }
        }
        if (organizations.length == 0 || admins.length == 0 || superAdmins.length == 0) {
            throw new IllegalStateException("no generated data: run bench/administration/generate.sql first");
        }
    }

    /** A random organisation in the subtree of the given one (itself included). */
    long inSubtree(long top, Random random) {
        var path = pathOf.get(top);
        var range = byPath.subMap(path, true, path + Character.MAX_VALUE, false).values().toArray(new Long[0]);
        return range[random.nextInt(range.length)];
    }

    long anyOrganization(Random random) {
        return organizations[random.nextInt(organizations.length)];
    }

    /**
     * Pairs (person, organisation) for one kind of person: "admin" (a random admin; half of the
     * targets in the subtree of one of his grants, half anywhere), "super-admin" (one of the
     * establishments' super admins, any target), "member" (any account, any target).
     */
    long[][] pairs(String who, int count, long seed) {
        var random = new Random(seed);
        var people = new long[count];
        var targets = new long[count];
        for (int i = 0; i < count; i++) {
            switch (who) {
                case "admin" -> {
                    people[i] = admins[random.nextInt(admins.length)];
                    var grants = adminGrants.get(people[i]);
                    targets[i] = random.nextBoolean() ? inSubtree(grants.get(random.nextInt(grants.size())), random)
                            : anyOrganization(random);
                }
                case "super-admin" -> {
                    people[i] = superAdmins[random.nextInt(superAdmins.length)];
                    targets[i] = anyOrganization(random);
                }
                case "member" -> {
                    people[i] = accounts[random.nextInt(accounts.length)];
                    targets[i] = anyOrganization(random);
                }
                default -> throw new IllegalArgumentException(who);
            }
        }
        return new long[][] {people, targets};
    }

    /** The answer the application must give: some ADMIN grant or super-admin establishment above or at the target. */
    boolean expected(long person, long target) {
        var path = pathOf.get(target);
        for (var at : adminGrants.getOrDefault(person, List.of())) {
            if (path.startsWith(pathOf.get(at))) {
                return true;
            }
        }
        for (var at : superAdminOf.getOrDefault(person, List.of())) {
            if (path.startsWith(pathOf.get(at))) {
                return true;
            }
        }
        return false;
    }
}
