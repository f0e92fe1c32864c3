package fr.guichet.administration;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one person may do as an administrator, from the rights he was granted where. Paths are
 * the organisations' materialised paths ("/1/5/23/"): a grant at X reaches Y when Y's path
 * starts with X's. Pure: the rules of delegated administration live here, whoever asks (pages, API, imports).
 *
 * <ul>
 * <li>A right granted at X is held at X and everywhere below ("il a partout les mêmes droits").
 * <li>Users are created in Y by a holder of CREATE_USERS granted at Y, or of
 * CREATE_USERS_OF_SUB_ORGANIZATIONS granted above Y; likewise admins, with the ADMINS rights.
 * <li>Sub-organisations are created under Y by a holder of CREATE_SUB_ORGANIZATIONS at Y.
 * <li>An admin grants only the rights he holds at the organisation concerned.
 * <li>A super admin holds every right on his establishment's tree; a platform admin everywhere.
 * </ul>
 */
final class AdminAuthority {

    private static final Set<AdminRight> ALL = EnumSet.allOf(AdminRight.class);

    /** Path of the organisation where granted → rights granted there. */
    private final Map<String, Set<AdminRight>> grants;

    /** Path of the organisation where granted → supervision rights granted there. */
    private final Map<String, Set<SupervisionRight>> supervision;

    private final Set<String> superAdminOf;
    private final boolean platformAdmin;

    AdminAuthority(Map<String, Set<AdminRight>> grants, Set<String> superAdminOf, boolean platformAdmin) {
        this(grants, Map.of(), superAdminOf, platformAdmin);
    }

    AdminAuthority(
            Map<String, Set<AdminRight>> grants,
            Map<String, Set<SupervisionRight>> supervision,
            Set<String> superAdminOf,
            boolean platformAdmin) {
        this.grants = grants;
        this.supervision = supervision;
        this.superAdminOf = superAdminOf;
        this.platformAdmin = platformAdmin;
    }

    static AdminAuthority none() {
        return new AdminAuthority(Map.of(), Set.of(), false);
    }

    /** A supervision right granted at or above the target: it is held there as in all the subtree. */
    boolean supervises(SupervisionRight right, String target) {
        return everything(target)
                || supervision.entrySet().stream()
                        .anyMatch(g ->
                                target.startsWith(g.getKey()) && g.getValue().contains(right));
    }

    /** Administers it or supervises it in any way: its home page and its place in the tree are his to see. */
    boolean sees(String target) {
        return administers(target)
                || supervision.entrySet().stream()
                        .anyMatch(g ->
                                target.startsWith(g.getKey()) && !g.getValue().isEmpty());
    }

    boolean holds(AdminRight right, String target) {
        return everything(target)
                || grants.entrySet().stream()
                        .anyMatch(g ->
                                target.startsWith(g.getKey()) && g.getValue().contains(right));
    }

    /** Any admin right at or above: sees the organisation's pages, its users and its subtree. */
    boolean administers(String target) {
        return everything(target)
                || grants.entrySet().stream()
                        .anyMatch(g ->
                                target.startsWith(g.getKey()) && !g.getValue().isEmpty());
    }

    boolean mayCreateUsersIn(String target) {
        return reaches(target, AdminRight.CREATE_USERS, AdminRight.CREATE_USERS_OF_SUB_ORGANIZATIONS);
    }

    boolean mayNameAdminsIn(String target) {
        return reaches(target, AdminRight.CREATE_ADMINS, AdminRight.CREATE_ADMINS_OF_SUB_ORGANIZATIONS);
    }

    boolean mayCreateSubOrganizationsUnder(String target) {
        return holds(AdminRight.CREATE_SUB_ORGANIZATIONS, target);
    }

    boolean mayGrant(AdminRight right, String target) {
        return mayNameAdminsIn(target) && holds(right, target);
    }

    /** The rights this person could give someone in the target organisation. */
    Set<AdminRight> grantableIn(String target) {
        var grantable = EnumSet.noneOf(AdminRight.class);
        if (mayNameAdminsIn(target)) {
            ALL.stream().filter(r -> holds(r, target)).forEach(grantable::add);
        }
        return grantable;
    }

    boolean isSuperAdminOver(String target) {
        return superAdminOf.stream().anyMatch(target::startsWith);
    }

    boolean isPlatformAdmin() {
        return platformAdmin;
    }

    /** The right for the organisation itself, or its "of sub-organisations" twin from above it. */
    private boolean reaches(String target, AdminRight here, AdminRight below) {
        if (everything(target)) {
            return true;
        }
        return grants.entrySet().stream().anyMatch(g -> {
            var at = g.getKey();
            return at.equals(target) && g.getValue().contains(here)
                    || target.startsWith(at)
                            && !at.equals(target)
                            && g.getValue().contains(below);
        });
    }

    private boolean everything(String target) {
        return platformAdmin || isSuperAdminOver(target);
    }
}
