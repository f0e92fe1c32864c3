package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds a person's {@link AdminAuthority} from what is recorded: grants, super admins, platform role. */
@Component
class Permissions {

    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final Organizations organizations;
    private final Accounts accounts;

    Permissions(GrantRepository grants, SuperAdminRepository superAdmins, Organizations organizations, Accounts accounts) {
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    AdminAuthority of(AccountId person) {
        var held = grants.findByAccountId(person.value()).stream()
                .filter(g -> g.kind() == Grant.Kind.ADMIN)
                .toList();
        var superOf = superAdmins.findByKeyAccountId(person.value()).stream()
                .map(s -> new OrganizationId(s.establishmentId()))
                .collect(Collectors.toSet());
        var ids = new java.util.HashSet<OrganizationId>(superOf);
        held.forEach(g -> ids.add(new OrganizationId(g.organizationId())));
        var paths = organizations.pathsOf(ids);
        var byPath = new HashMap<String, Set<AdminRight>>();
        for (var grant : held) {
            var path = paths.get(grant.organizationId());
            if (path != null) {
                byPath.computeIfAbsent(path, p -> EnumSet.noneOf(AdminRight.class)).add(AdminRight.valueOf(grant.code()));
            }
        }
        var superPaths = superOf.stream().map(id -> paths.get(id.value())).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        return new AdminAuthority(byPath, superPaths, accounts.isPlatformAdmin(person));
    }
}
