package fr.guichet.administration;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.events.MembershipEnded;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Builds a person's {@link AdminAuthority} from what is recorded: grants, super admins, platform role.
 * Within one web request the authority is built once (a page checks several times: the page, its
 * menu, its forms), and forgotten as soon as the request changes anybody's rights.
 */
@Component
class Permissions {

    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final Organizations organizations;
    private final Accounts accounts;

    Permissions(
            GrantRepository grants, SuperAdminRepository superAdmins, Organizations organizations, Accounts accounts) {
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    private static final String MEMO = Permissions.class.getName() + ".memo";

    AdminAuthority of(AccountId person) {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return build(person);
        }
        @SuppressWarnings("unchecked")
        var memo = (Map<AccountId, AdminAuthority>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo.computeIfAbsent(person, this::build);
    }

    @EventListener({AdministrationEvent.class, MembershipEnded.class})
    void forget() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Transactional(readOnly = true)
    AdminAuthority build(AccountId person) {
        var all = grants.findByAccountId(person.value());
        var held = all.stream().filter(g -> g.kind() == Grant.Kind.ADMIN).toList();
        var supervising =
                all.stream().filter(g -> g.kind() == Grant.Kind.SUPERVISION).toList();
        var superOf = superAdmins.findByKeyAccountId(person.value()).stream()
                .map(s -> new OrganizationId(s.establishmentId()))
                .collect(Collectors.toSet());
        var ids = new HashSet<OrganizationId>(superOf);
        held.forEach(g -> ids.add(new OrganizationId(g.organizationId())));
        supervising.forEach(g -> ids.add(new OrganizationId(g.organizationId())));
        var paths = organizations.pathsOf(ids);
        var byPath = new HashMap<String, Set<AdminRight>>();
        for (var grant : held) {
            var path = paths.get(grant.organizationId());
            if (path != null) {
                byPath.computeIfAbsent(path, p -> EnumSet.noneOf(AdminRight.class))
                        .add(AdminRight.valueOf(grant.code()));
            }
        }
        var supervisedByPath = new HashMap<String, Set<SupervisionRight>>();
        for (var grant : supervising) {
            var path = paths.get(grant.organizationId());
            if (path != null) {
                supervisedByPath
                        .computeIfAbsent(path, p -> EnumSet.noneOf(SupervisionRight.class))
                        .add(SupervisionRight.valueOf(grant.code()));
            }
        }
        var superPaths = superOf.stream()
                .map(id -> paths.get(id.value()))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return new AdminAuthority(byPath, supervisedByPath, superPaths, accounts.isPlatformAdmin(person));
    }
}
