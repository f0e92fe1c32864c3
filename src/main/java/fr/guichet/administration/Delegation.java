package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administration module's API for other modules: who administers what. */
@NamedInterface("delegation")
@Service
public class Delegation {

    private final Permissions permissions;
    private final Organizations organizations;
    private final SuperAdminRepository superAdmins;
    private final GrantRepository grants;
    private final Clock clock;

    Delegation(
            Permissions permissions,
            Organizations organizations,
            SuperAdminRepository superAdmins,
            GrantRepository grants,
            Clock clock) {
        this.permissions = permissions;
        this.organizations = organizations;
        this.superAdmins = superAdmins;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * The person's roles in a role-bearing service (the service's catalogue code), in one
     * organisation: what a connected service is told he may do there.
     */
    @Transactional(readOnly = true)
    public Set<String> rolesOf(AccountId person, OrganizationId organization, String serviceCode) {
        return grants.findByAccountId(person.value()).stream()
                .filter(g -> g.kind() == Grant.Kind.ROLE
                        && g.organizationId() == organization.value()
                        && g.serviceCode().equals(serviceCode))
                .map(Grant::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The platform's own setting-up of an establishment (installation, demo data): its first
     * super admin, named by nobody. People name the next ones through the pages.
     */
    @Transactional
    public void nameFirstSuperAdmin(OrganizationId establishment, AccountId person) {
        if (superAdmins.countByKeyEstablishmentId(establishment.value()) == 0) {
            superAdmins.save(new SuperAdmin(establishment.value(), person.value(), null, clock.instant()));
        }
    }

    /** True when the person holds an admin right at or above the organisation (or is super/platform admin). */
    @Transactional(readOnly = true)
    public boolean administers(AccountId person, OrganizationId organization) {
        var path = organizations.pathsOf(List.of(organization)).get(organization.value());
        return path != null && permissions.of(person).administers(path);
    }

    /**
     * True when the person holds this supervision right on the organisation: granted there or
     * above it, or as its establishment's super admin, or as platform admin. It ends with the grant,
     * and so with the membership the grant came with.
     */
    @Transactional(readOnly = true)
    public boolean supervises(AccountId person, OrganizationId organization, SupervisionRight right) {
        var path = organizations.pathsOf(List.of(organization)).get(organization.value());
        return path != null && permissions.of(person).supervises(right, path);
    }

    /** True when the person administers or supervises the organisation: its home page is his to see. */
    @Transactional(readOnly = true)
    public boolean sees(AccountId person, OrganizationId organization) {
        var path = organizations.pathsOf(List.of(organization)).get(organization.value());
        return path != null && permissions.of(person).sees(path);
    }

    /** The establishment's super admins (1 to 3; none while it has not named any). */
    @Transactional(readOnly = true)
    public List<AccountId> superAdminsOf(OrganizationId establishment) {
        return superAdmins.findByKeyEstablishmentId(establishment.value()).stream()
                .map(s -> new AccountId(s.accountId()))
                .sorted(Comparator.comparing(AccountId::value))
                .toList();
    }

    @Transactional(readOnly = true)
    public boolean isSuperAdminOf(AccountId person, OrganizationId establishment) {
        return superAdmins.existsById(new SuperAdmin.Key(establishment.value(), person.value()));
    }

    /** The establishments where the person is super admin. */
    @Transactional(readOnly = true)
    public List<OrganizationId> establishmentsOfSuperAdmin(AccountId person) {
        return superAdmins.findByKeyAccountId(person.value()).stream()
                .map(s -> new OrganizationId(s.establishmentId()))
                .toList();
    }

    /**
     * Who is told of what concerns an organisation's administration (its certificates…): the people
     * named administrators there; where nobody is, those of the nearest organisation above that has
     * some; and the establishment's super admins when nobody is named up to the top.
     */
    @Transactional(readOnly = true)
    public List<AccountId> administratorsOf(OrganizationId organization) {
        var path = organizations.pathsOf(List.of(organization)).get(organization.value());
        if (path == null) {
            return List.of();
        }
        var ids = Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty())
                .map(Long::parseLong)
                .toList();
        for (var i = ids.size() - 1; i >= 0; i--) {
            var named = grants.findByOrganizationIdAndKind(ids.get(i), Grant.Kind.ADMIN).stream()
                    .map(g -> new AccountId(g.accountId()))
                    .distinct()
                    .sorted(Comparator.comparing(AccountId::value))
                    .toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return superAdminsOf(new OrganizationId(ids.get(0)));
    }
}
