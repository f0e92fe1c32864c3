package fr.guichet.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of delegated administration, on hand-made cases and then over many random trees,
 * checked against a plain reading of the rules that walks up the parents instead of using paths.
 */
class AdminAuthorityTest {

    // establishment 1 → 2 → 3 ; 1 → 4 ; another establishment 9
    static final String E = "/1/", CHILD = "/1/2/", GRANDCHILD = "/1/2/3/", SIBLING = "/1/4/", OTHER = "/9/";

    @Test
    void aRightGrantedSomewhereIsHeldThereAndBelowOnly() {
        var authority =
                new AdminAuthority(Map.of(CHILD, EnumSet.of(AdminRight.CREATE_SUB_ORGANIZATIONS)), Set.of(), false);

        assertThat(authority.holds(AdminRight.CREATE_SUB_ORGANIZATIONS, CHILD)).isTrue();
        assertThat(authority.holds(AdminRight.CREATE_SUB_ORGANIZATIONS, GRANDCHILD))
                .isTrue();
        assertThat(authority.holds(AdminRight.CREATE_SUB_ORGANIZATIONS, E))
                .as("ancestor")
                .isFalse();
        assertThat(authority.holds(AdminRight.CREATE_SUB_ORGANIZATIONS, SIBLING))
                .as("sibling")
                .isFalse();
        assertThat(authority.holds(AdminRight.CREATE_SUB_ORGANIZATIONS, OTHER)).isFalse();
        assertThat(authority.administers(GRANDCHILD)).isTrue();
        assertThat(authority.administers(E)).isFalse();
    }

    @Test
    void creatingUsersBelowNeedsTheRightOfSubOrganisations() {
        var here = new AdminAuthority(Map.of(CHILD, EnumSet.of(AdminRight.CREATE_USERS)), Set.of(), false);
        var below = new AdminAuthority(
                Map.of(CHILD, EnumSet.of(AdminRight.CREATE_USERS_OF_SUB_ORGANIZATIONS)), Set.of(), false);

        assertThat(here.mayCreateUsersIn(CHILD)).isTrue();
        assertThat(here.mayCreateUsersIn(GRANDCHILD)).isFalse();
        assertThat(below.mayCreateUsersIn(CHILD)).isFalse();
        assertThat(below.mayCreateUsersIn(GRANDCHILD)).isTrue();
        assertThat(below.mayCreateUsersIn(SIBLING)).isFalse();
    }

    @Test
    void anAdminGrantsOnlyWhatHeHolds() {
        var authority = new AdminAuthority(
                Map.of(E, EnumSet.of(AdminRight.CREATE_ADMINS, AdminRight.CREATE_USERS)), Set.of(), false);

        assertThat(authority.grantableIn(E))
                .containsExactlyInAnyOrder(AdminRight.CREATE_ADMINS, AdminRight.CREATE_USERS);
        assertThat(authority.mayGrant(AdminRight.CREATE_SUB_ORGANIZATIONS, E)).isFalse();
        assertThat(authority.grantableIn(CHILD))
                .as("no right to name admins below")
                .isEmpty();
    }

    @Test
    void aSuperAdminHoldsEverythingOnHisEstablishmentOnly() {
        var authority = new AdminAuthority(Map.of(), Set.of(E), false);

        assertThat(authority.grantableIn(GRANDCHILD)).containsExactlyInAnyOrder(AdminRight.values());
        assertThat(authority.mayCreateUsersIn(SIBLING)).isTrue();
        assertThat(authority.administers(OTHER)).isFalse();
        assertThat(authority.isSuperAdminOver(OTHER)).isFalse();
    }

    @Test
    void aPlatformAdminHoldsEverythingEverywhere() {
        var authority = new AdminAuthority(Map.of(), Set.of(), true);
        assertThat(authority.mayNameAdminsIn(OTHER)).isTrue();
        assertThat(authority.grantableIn(OTHER)).containsExactlyInAnyOrder(AdminRight.values());
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 60).boxed();
    }

    /** Random trees (up to 200 nodes, any depth), random grants: paths agree with parents. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pathsAgreeWithAWalkUpTheParents(long seed) {
        var random = new Random(seed);
        var tree = Tree.random(random, 2 + random.nextInt(200));
        var granted = new HashMap<Integer, Set<AdminRight>>();
        for (int i = 0; i < 1 + random.nextInt(6); i++) {
            var node = random.nextInt(tree.size());
            var rights = granted.computeIfAbsent(node, n -> EnumSet.noneOf(AdminRight.class));
            for (var right : AdminRight.values()) {
                if (random.nextBoolean()) {
                    rights.add(right);
                }
            }
        }
        var superAdminOf = new HashSet<Integer>();
        if (random.nextInt(4) == 0) {
            superAdminOf.add(tree.establishmentOf(random.nextInt(tree.size())));
        }
        var byPath = new HashMap<String, Set<AdminRight>>();
        granted.forEach((node, rights) -> byPath.put(tree.path(node), rights));
        var authority =
                new AdminAuthority(byPath, superAdminOf.stream().map(tree::path).collect(Collectors.toSet()), false);

        for (int target = 0; target < tree.size(); target++) {
            var path = tree.path(target);
            var superAdmin = superAdminOf.contains(tree.establishmentOf(target));
            var atOrAbove = tree.ancestorsOrSelf(target);
            for (var right : AdminRight.values()) {
                var held = superAdmin
                        || atOrAbove.stream()
                                .anyMatch(a -> granted.getOrDefault(a, Set.of()).contains(right));
                assertThat(authority.holds(right, path))
                        .as("holds %s at %s", right, path)
                        .isEqualTo(held);
            }
            int here = target;
            var createUsers = superAdmin
                    || granted.getOrDefault(here, Set.of()).contains(AdminRight.CREATE_USERS)
                    || atOrAbove.stream()
                            .filter(a -> a != here)
                            .anyMatch(a -> granted.getOrDefault(a, Set.of())
                                    .contains(AdminRight.CREATE_USERS_OF_SUB_ORGANIZATIONS));
            assertThat(authority.mayCreateUsersIn(path))
                    .as("create users in %s", path)
                    .isEqualTo(createUsers);
            var nameAdmins = superAdmin
                    || granted.getOrDefault(here, Set.of()).contains(AdminRight.CREATE_ADMINS)
                    || atOrAbove.stream()
                            .filter(a -> a != here)
                            .anyMatch(a -> granted.getOrDefault(a, Set.of())
                                    .contains(AdminRight.CREATE_ADMINS_OF_SUB_ORGANIZATIONS));
            for (var right : AdminRight.values()) {
                var mayGrant = nameAdmins
                        && (superAdmin
                                || atOrAbove.stream()
                                        .anyMatch(a -> granted.getOrDefault(a, Set.of())
                                                .contains(right)));
                assertThat(authority.mayGrant(right, path))
                        .as("grant %s in %s", right, path)
                        .isEqualTo(mayGrant);
            }
            var administers = superAdmin
                    || atOrAbove.stream()
                            .anyMatch(a -> !granted.getOrDefault(a, Set.of()).isEmpty());
            assertThat(authority.administers(path)).isEqualTo(administers);
        }
    }

    /** A forest of nodes 0..n-1 with parent pointers; node i's parent is before it. */
    record Tree(int[] parent) {

        static Tree random(Random random, int size) {
            var parent = new int[size];
            for (int i = 0; i < size; i++) {
                // about one node in ten starts a new establishment; deep chains happen too
                parent[i] = i == 0 || random.nextInt(10) == 0 ? -1 : random.nextBoolean() ? i - 1 : random.nextInt(i);
            }
            return new Tree(parent);
        }

        int size() {
            return parent.length;
        }

        /** Ids start at 1 so that "/1/" is never a prefix of "/12/". */
        String path(int node) {
            var ids = new ArrayList<Integer>();
            for (int n = node; n != -1; n = parent[n]) {
                ids.add(0, n + 1);
            }
            var path = new StringBuilder("/");
            ids.forEach(id -> path.append(id).append('/'));
            return path.toString();
        }

        List<Integer> ancestorsOrSelf(int node) {
            var result = new ArrayList<Integer>();
            for (int n = node; n != -1; n = parent[n]) {
                result.add(n);
            }
            return result;
        }

        int establishmentOf(int node) {
            var n = node;
            while (parent[n] != -1) {
                n = parent[n];
            }
            return n;
        }
    }
}
