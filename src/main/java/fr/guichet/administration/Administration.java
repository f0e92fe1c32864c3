package fr.guichet.administration;

import fr.guichet.account.AccountAuthentication;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.DeclaredMembership;
import fr.guichet.account.MemberPage;
import fr.guichet.account.MembershipId;
import fr.guichet.account.NewPerson;
import fr.guichet.account.PersonView;
import fr.guichet.account.RegisteredCertificate;
import fr.guichet.organization.OrganizationDetails;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import fr.guichet.shared.OrganizationRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every act of delegated administration, each checked against the actor's authority first.
 * Outside his subtree an organisation does not exist for him (404); inside it, a missing right
 * is a refusal (403). Pages, API and imports all come through here.
 */
@Service
class Administration {

    private final Permissions permissions;
    private final Organizations organizations;
    private final Accounts accounts;
    private final GrantRepository grants;
    private final SuperAdminRepository superAdmins;
    private final ApplicationEventPublisher events;
    private final List<OrganizationRules> rules;
    private final Clock clock;

    Administration(
            Permissions permissions,
            Organizations organizations,
            Accounts accounts,
            GrantRepository grants,
            SuperAdminRepository superAdmins,
            ApplicationEventPublisher events,
            List<OrganizationRules> rules,
            Clock clock) {
        this.permissions = permissions;
        this.organizations = organizations;
        this.accounts = accounts;
        this.grants = grants;
        this.superAdmins = superAdmins;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    record Administered(OrganizationView organization, AdminAuthority authority) {}

    /** The organisation, if the actor administers it; otherwise it does not exist for him. */
    @Transactional(readOnly = true)
    Administered administered(AccountId actor, OrganizationId id) {
        var organization = organizations.find(id).orElseThrow(NotFoundException::new);
        var authority = permissions.of(actor);
        if (!authority.administers(organization.path())) {
            throw new NotFoundException();
        }
        return new Administered(organization, authority);
    }

    /**
     * The organisation, if the actor administers or supervises it: its home page and its place in
     * the tree are what a supervisor is shown; everything else stays the administrators'.
     */
    @Transactional(readOnly = true)
    Administered seen(AccountId actor, OrganizationId id) {
        var organization = organizations.find(id).orElseThrow(NotFoundException::new);
        var authority = permissions.of(actor);
        if (!authority.sees(organization.path())) {
            throw new NotFoundException();
        }
        return new Administered(organization, authority);
    }

    /** What a page of an organisation needs of its visitor, beyond administering it. */
    enum Capability {
        /** Its home page and its place in the tree: administrators' and supervisors'. */
        SEE,
        VIEW,
        MANAGE_USERS,
        NAME_ADMINS,
        CREATE_SUB_ORGANIZATIONS,
        CHANGE,
        DELETE,
        NAME_SUPER_ADMINS
    }

    /**
     * The organisation if the actor may do this there: 404 outside what he administers, 403
     * inside it without the capability. Pages check before showing a form, not only on submit.
     */
    @Transactional(readOnly = true)
    Administered require(AccountId actor, OrganizationId id, Capability capability) {
        var administered = administered(actor, id);
        if (!allows(administered, capability)) {
            throw new AccessDeniedException("no " + capability + " on organization " + id.value());
        }
        return administered;
    }

    boolean allows(Administered administered, Capability capability) {
        var organization = administered.organization();
        var authority = administered.authority();
        var path = organization.path();
        if (capability == Capability.SEE) {
            return authority.sees(path);
        }
        // a supervisor sees the home page and nothing an administrator does
        if (!authority.administers(path)) {
            return false;
        }
        return switch (capability) {
            case SEE, VIEW -> true;
            case MANAGE_USERS -> authority.mayCreateUsersIn(path);
            case NAME_ADMINS -> authority.mayNameAdminsIn(path);
            case CREATE_SUB_ORGANIZATIONS -> authority.mayCreateSubOrganizationsUnder(path);
            case CHANGE ->
                !organization.establishment() || authority.isPlatformAdmin() || authority.isSuperAdminOver(path);
            case DELETE ->
                !organization.establishment()
                        && authority.mayCreateSubOrganizationsUnder(organizations
                                .find(organization.parent())
                                .orElseThrow()
                                .path());
            case NAME_SUPER_ADMINS ->
                organization.establishment() && (authority.isPlatformAdmin() || authority.isSuperAdminOver(path));
        };
    }

    /** The tops of the branches the actor administers, each with its subtree (the API's list). */
    @Transactional(readOnly = true)
    List<OrganizationView> administeredTree(AccountId actor) {
        var tree = new ArrayList<OrganizationView>();
        tops(actor, false).forEach(top -> tree.addAll(organizations.subtree(top.id())));
        return tree;
    }

    /**
     * What the tree of "Vos collectivités" shows, however large the tree: the tops the actor
     * administers, the branch from its top down to the current organisation, and the current
     * one's children (or each top's children when there is no current one).
     */
    @Transactional(readOnly = true)
    List<OrganizationView> treeAround(AccountId actor, OrganizationView current) {
        var lines = new ArrayList<OrganizationView>();
        for (var top : tops(actor, true)) {
            lines.add(top);
            if (current == null) {
                lines.addAll(organizations.children(top.id()));
            } else if (current.isInSubtreeOf(top)) {
                var below = Arrays.stream(
                                current.path().substring(top.path().length()).split("/"))
                        .filter(id -> !id.isEmpty())
                        .map(id -> new OrganizationId(Long.parseLong(id)))
                        .toList();
                var chain = organizations.findAll(below).stream()
                        .sorted(Comparator.comparingInt(OrganizationView::depth))
                        .toList();
                lines.addAll(chain);
                lines.addAll(organizations.children(current.id()));
            }
        }
        return lines;
    }

    /** The tops of what he administers, and, for "Vos collectivités", of what he supervises. */
    private List<OrganizationView> tops(AccountId actor, boolean supervised) {
        var authority = permissions.of(actor);
        var tops = new ArrayList<OrganizationView>();
        if (authority.isPlatformAdmin()) {
            tops.addAll(organizations.searchEstablishments("", 10_000));
        } else {
            var ids = new HashSet<OrganizationId>();
            grants.findByAccountId(actor.value()).stream()
                    .filter(g -> g.kind() == Grant.Kind.ADMIN || supervised && g.kind() == Grant.Kind.SUPERVISION)
                    .forEach(g -> ids.add(new OrganizationId(g.organizationId())));
            superAdmins
                    .findByKeyAccountId(actor.value())
                    .forEach(s -> ids.add(new OrganizationId(s.establishmentId())));
            var all = organizations.findAll(ids);
            // a branch inside another one shows within it, not again as a top
            all.stream()
                    .filter(o -> all.stream()
                            .noneMatch(other ->
                                    !other.path().equals(o.path()) && o.path().startsWith(other.path())))
                    .forEach(tops::add);
        }
        tops.sort(Comparator.comparing(OrganizationView::name));
        return tops;
    }

    @Transactional
    OrganizationId createSubOrganization(
            AccountId actor,
            OrganizationId parent,
            String typeCode,
            OrganizationDetails details,
            boolean inheritsCertificate,
            String sourceAddress) {
        require(actor, parent, Capability.CREATE_SUB_ORGANIZATIONS);
        var created = organizations.createSubOrganization(parent, typeCode, details);
        // its creator holds it through the tree already: no grant, no membership that he would have to undo to delete
        // it
        events.publishEvent(new SubOrganizationCreated(
                actor,
                created.value(),
                details.name(),
                parent.value(),
                typeCode,
                inheritsCertificate,
                sourceAddress,
                clock.instant()));
        return created;
    }

    /** What another module still requires before rights may be granted here (a certificate request…). */
    Optional<OrganizationRules.Missing> grantsWaitFor(OrganizationId id) {
        return rules.stream().flatMap(r -> r.grantsWaitFor(id.value()).stream()).findFirst();
    }

    @Transactional
    void change(AccountId actor, OrganizationId id, OrganizationDetails details, String sourceAddress) {
        require(actor, id, Capability.CHANGE);
        organizations.change(id, details);
        events.publishEvent(new OrganizationChanged(actor, id.value(), details.name(), sourceAddress, clock.instant()));
    }

    /** Refused while users or sub-organisations remain, so that a deletion never takes people or organisations with it; establishments are the agency's. */
    @Transactional
    void delete(AccountId actor, OrganizationId id, String sourceAddress) {
        var organization = require(actor, id, Capability.DELETE).organization();
        // what other modules add to it (certificates, requests) waits for this lock: checked, then deleted
        organizations.lock(id);
        if (organizations.hasSubOrganizations(id)) {
            throw new AdministrationRefusal("organization.delete.has-children");
        }
        if (!accounts.membersOf(id).isEmpty()) {
            throw new AdministrationRefusal("organization.delete.has-users");
        }
        var waiting = rules.stream()
                .flatMap(r -> r.deletionWaitsFor(id.value()).stream())
                .findFirst();
        if (waiting.isPresent()) {
            throw new AdministrationRefusal(waiting.get().messageKey());
        }
        grants.findByOrganizationId(id.value()).forEach(grants::delete);
        organizations.delete(id);
        events.publishEvent(
                new OrganizationDeleted(actor, id.value(), organization.name(), sourceAddress, clock.instant()));
    }

    @Transactional(readOnly = true)
    List<PersonView> users(AccountId actor, OrganizationId id) {
        administered(actor, id);
        return accounts.membersOf(id);
    }

    static final int USERS_PER_PAGE = 50;

    MemberPage users(AccountId actor, OrganizationId id, String filter, int page) {
        administered(actor, id);
        return accounts.memberPage(id, filter, page, USERS_PER_PAGE);
    }

    /**
     * Adds a person: an invitation goes out either way, to create his account or to accept joining
     * with the one he has, so that nothing here (page, API, import) tells whether the address has
     * an account, nor whose it is; someone who already has one joins only if he accepts.
     */
    @Transactional
    void addUser(AccountId actor, OrganizationId id, NewPerson person, Locale locale, String sourceAddress) {
        require(actor, id, Capability.MANAGE_USERS);
        var existing = accounts.findByEmail(person.email());
        var inviter = accounts.find(actor).map(PersonView::displayName).orElse("");
        if (existing.isPresent()) {
            if (accounts.isMemberOf(existing.get().id(), id)) {
                throw new AdministrationRefusal("users.already-member");
            }
            accounts.inviteToJoin(existing.get().id(), id, actor, inviter, sourceAddress);
        } else {
            accounts.invite(person, id, inviter, locale, sourceAddress);
        }
        events.publishEvent(new UserAdded(
                actor,
                id.value(),
                person.email().strip().toLowerCase(Locale.ROOT),
                true,
                sourceAddress,
                clock.instant()));
    }

    /**
     * The membership, its roles and rights go; the person's last membership disables his account.
     * A super admin holds every right of his establishment's tree: only his peers (or the agency)
     * remove him, and never the last one from the tree.
     */
    @Transactional
    void removeUsers(AccountId actor, OrganizationId id, Set<AccountId> people, String sourceAddress) {
        var administered = require(actor, id, Capability.MANAGE_USERS);
        requireRemovable(administered, people);
        for (var person : people) {
            var view = accounts.find(person)
                    .filter(p -> accounts.isMemberOf(p.id(), id))
                    .orElseThrow(() -> new AdministrationRefusal("users.not-member"));
            accounts.leave(person, id, actor, sourceAddress);
            events.publishEvent(new UserRemoved(actor, id.value(), view.email(), sourceAddress, clock.instant()));
        }
    }

    /** Whatever ends their membership here (a removal, a refused declaration): the same people may do it. */
    private void requireRemovable(Administered administered, Set<AccountId> people) {
        var seats = requireAuthorityOver(administered, people, "users.remove");
        var id = administered.organization().id();
        var establishment = administered.organization().establishmentId();
        var seatsLeft = new HashSet<>(seats);
        for (var person : people) {
            if (seats.contains(person) && !accounts.belongsTo(person, establishment, id)) {
                seatsLeft.remove(person);
            }
        }
        if (!seats.isEmpty() && seatsLeft.isEmpty()) {
            throw new AdministrationRefusal("users.remove.last-super-admin");
        }
    }

    /**
     * What removing people and choosing how they sign in both need: who holds admin rights here is
     * acted on only by who may grant them, a super admin only by his peers or the agency. Returns the
     * establishment's super admins.
     */
    private Set<AccountId> requireAuthorityOver(Administered administered, Set<AccountId> people, String refusals) {
        var id = administered.organization().id();
        var organization = administered.organization();
        var authority = administered.authority();
        // removing someone takes his admin rights here: only who may take them back may remove him
        grants.findByOrganizationIdAndKind(id.value(), Grant.Kind.ADMIN).stream()
                .filter(g -> people.contains(new AccountId(g.accountId())))
                .forEach(g -> {
                    if (!authority.mayGrant(AdminRight.valueOf(g.code()), organization.path())) {
                        throw new AdministrationRefusal(refusals + ".admin-not-held");
                    }
                });
        var seats = superAdmins
                .findByKeyEstablishmentId(organization.establishmentId().value())
                .stream()
                .map(s -> new AccountId(s.accountId()))
                .collect(Collectors.toSet());
        for (var person : people) {
            if (seats.contains(person)
                    && !authority.isPlatformAdmin()
                    && !authority.isSuperAdminOver(organization.path())) {
                throw new AdministrationRefusal(refusals + ".super-admin-not-peer");
            }
        }
        return seats;
    }

    /** A member of the organisation, with how he signs in: for whoever manages its users. */
    record PersonAuthentication(PersonView person, AccountAuthentication authentication) {}

    @Transactional(readOnly = true)
    PersonAuthentication authentication(AccountId actor, OrganizationId id, AccountId person) {
        require(actor, id, Capability.MANAGE_USERS);
        return new PersonAuthentication(
                member(id, person), accounts.authentication(person).orElseThrow());
    }

    /**
     * Seed 004's "Type d'authentification : par certificat": the person signs in with this certificate
     * (PEM or DER) and no longer with a password.
     *
     * @throws fr.guichet.account.CertificateRefusal what is wrong with the file
     */
    @Transactional
    RegisteredCertificate authenticateByCertificate(
            AccountId actor, OrganizationId id, AccountId person, byte[] upload, String sourceAddress) {
        var email = requireAuthenticationChangeable(actor, id, person);
        var certificate = accounts.authenticateByCertificate(person, upload);
        events.publishEvent(new AuthenticationChanged(
                actor,
                id.value(),
                email,
                "CERTIFICATE sha256=" + certificate.sha256() + " serial=" + certificate.serial() + " notAfter="
                        + certificate.notAfter() + " subject=" + certificate.subject(),
                sourceAddress,
                clock.instant()));
        return certificate;
    }

    /** Back to the password, which the person chooses through the link he is e-mailed; false when he had one. */
    @Transactional
    boolean authenticateByPassword(AccountId actor, OrganizationId id, AccountId person, String sourceAddress) {
        var email = requireAuthenticationChangeable(actor, id, person);
        if (!accounts.authenticateByPassword(person)) {
            return false;
        }
        events.publishEvent(
                new AuthenticationChanged(actor, id.value(), email, "PASSWORD", sourceAddress, clock.instant()));
        return true;
    }

    /**
     * Whoever chooses how someone signs in may give himself the way in (his own certificate on the
     * account), so he needs authority over everything that account opens: the rights of removal here,
     * every other organisation of the person administered too, and the agency's staff left to platform
     * admins. Returns the person's address.
     */
    private String requireAuthenticationChangeable(AccountId actor, OrganizationId id, AccountId person) {
        var administered = require(actor, id, Capability.MANAGE_USERS);
        var view = member(id, person);
        requireAuthorityOver(administered, Set.of(person), "users.authentication");
        var authority = administered.authority();
        if (accounts.isStaff(person) && !authority.isPlatformAdmin()) {
            throw new AdministrationRefusal("users.authentication.staff");
        }
        var elsewhere = organizations.findAll(accounts.organizationsOf(person)).stream()
                .anyMatch(o -> !authority.administers(o.path()));
        if (elsewhere) {
            throw new AdministrationRefusal("users.authentication.elsewhere");
        }
        return view.email();
    }

    private PersonView member(OrganizationId id, AccountId person) {
        return accounts.find(person)
                .filter(p -> accounts.isMemberOf(p.id(), id))
                .orElseThrow(() -> new AdministrationRefusal("users.not-member"));
    }

    // the audit keeps it whole beside its label (details: 1000 characters)
    static final int REASON_LIMIT = 500;

    /** The memberships people declared here, waiting for a decision: for whoever manages its users. */
    @Transactional(readOnly = true)
    List<DeclaredMembership> declaredMemberships(AccountId actor, OrganizationId id) {
        require(actor, id, Capability.MANAGE_USERS);
        return accounts.declaredMemberships(id);
    }

    /**
     * Seed 000's "vérification de l'appartenance": whoever may add users here vouches that the person
     * belongs. Checked again at the moment of deciding, so a super admin who lost his seat since his
     * page was shown decides nothing; a membership decided or ended meanwhile is refused.
     */
    @Transactional
    void confirmMembership(AccountId actor, OrganizationId id, MembershipId membership, String sourceAddress) {
        require(actor, id, Capability.MANAGE_USERS);
        var person = accounts.confirmMembership(membership, id)
                .orElseThrow(() -> new AdministrationRefusal("memberships.not-waiting"));
        events.publishEvent(new MembershipConfirmed(actor, id.value(), person.email(), sourceAddress, clock.instant()));
    }

    /** A refusal ends the membership, as a removal would, under the same rules; the reason goes to the person. */
    @Transactional
    void refuseMembership(
            AccountId actor, OrganizationId id, MembershipId membership, String reason, String sourceAddress) {
        var administered = require(actor, id, Capability.MANAGE_USERS);
        var given = reason.strip();
        if (given.length() > REASON_LIMIT) {
            throw new AdministrationRefusal("memberships.reason.too-long", REASON_LIMIT);
        }
        var declared = accounts.declaredMemberships(id).stream()
                .filter(d -> d.id().equals(membership))
                .findFirst()
                .orElseThrow(() -> new AdministrationRefusal("memberships.not-waiting"));
        requireRemovable(administered, Set.of(declared.person().id()));
        var person = accounts.refuseMembership(membership, id, given, actor, sourceAddress)
                .orElseThrow(() -> new AdministrationRefusal("memberships.not-waiting"));
        events.publishEvent(
                new MembershipRefused(actor, id.value(), person.email(), given, sourceAddress, clock.instant()));
    }

    /** Service roles of the organisation's members, as the matrix shows them. */
    @Transactional(readOnly = true)
    Map<AccountId, Set<String>> roles(AccountId actor, OrganizationId id, String serviceCode) {
        administered(actor, id);
        var matrix = new HashMap<AccountId, Set<String>>();
        grants.findByOrganizationIdAndKind(id.value(), Grant.Kind.ROLE).stream()
                .filter(g -> g.serviceCode().equals(serviceCode))
                .forEach(g -> matrix.computeIfAbsent(new AccountId(g.accountId()), a -> new TreeSet<>())
                        .add(g.code()));
        return matrix;
    }

    @Transactional(readOnly = true)
    Map<AccountId, Set<String>> rights(AccountId actor, OrganizationId id, Grant.Kind kind) {
        administered(actor, id);
        var matrix = new HashMap<AccountId, Set<String>>();
        grants.findByOrganizationIdAndKind(id.value(), kind)
                .forEach(g -> matrix.computeIfAbsent(new AccountId(g.accountId()), a -> new TreeSet<>())
                        .add(g.code()));
        return matrix;
    }

    /**
     * Saves a whole matrix in one action: every change is checked before any is made, so a
     * refused cell leaves everything as it was.
     */
    @Transactional
    void saveMatrix(
            AccountId actor,
            OrganizationId id,
            Grant.Kind kind,
            String serviceCode,
            Map<AccountId, Set<String>> wanted,
            String sourceAddress) {
        var administered =
                require(actor, id, kind == Grant.Kind.ADMIN ? Capability.NAME_ADMINS : Capability.MANAGE_USERS);
        var organization = administered.organization();
        var authority = administered.authority();
        var allowedCodes = allowedCodes(kind, serviceCode, organization);
        var members = accounts.membersOf(id).stream().collect(Collectors.toMap(PersonView::id, p -> p));
        var current = grants.findByOrganizationIdAndKind(id.value(), kind).stream()
                .filter(g -> g.serviceCode().equals(serviceCode))
                .toList();

        var toAdd = new ArrayList<Grant>();
        var toRemove = new ArrayList<Grant>();
        var now = clock.instant();
        for (var entry : wanted.entrySet()) {
            if (!members.containsKey(entry.getKey())) {
                throw new NotFoundException();
            }
            for (var code : entry.getValue()) {
                if (!allowedCodes.contains(code)) {
                    throw new AdministrationRefusal("matrix.unknown-code", code);
                }
                var has = current.stream()
                        .anyMatch(g -> g.accountId() == entry.getKey().value()
                                && g.code().equals(code));
                if (!has) {
                    toAdd.add(
                            new Grant(entry.getKey().value(), id.value(), kind, serviceCode, code, actor.value(), now));
                }
            }
        }
        // only the people the matrix lists change: a form without someone leaves him as he is
        for (var grant : current) {
            var person = new AccountId(grant.accountId());
            if (wanted.containsKey(person) && !wanted.get(person).contains(grant.code())) {
                toRemove.add(grant);
            }
        }
        for (var change : concat(toAdd, toRemove)) {
            check(authority, organization, kind, change.code());
        }
        // taking rights back is always possible; giving them waits for what the organisation lacks
        if (!toAdd.isEmpty()) {
            var waiting = grantsWaitFor(id);
            if (waiting.isPresent()) {
                throw new AdministrationRefusal(waiting.get().messageKey());
            }
        }
        toRemove.forEach(grants::delete);
        grants.flush();
        grants.saveAll(toAdd);
        toAdd.forEach(g -> events.publishEvent(new RightGranted(
                actor,
                id.value(),
                members.get(new AccountId(g.accountId())).email(),
                kind.name(),
                g.code(),
                sourceAddress,
                now)));
        if (kind == Grant.Kind.ROLE) {
            concat(toAdd, toRemove).stream()
                    .map(Grant::accountId)
                    .distinct()
                    .forEach(person -> events.publishEvent(
                            new ServiceRolesChanged(new AccountId(person), id.value(), serviceCode, now)));
        }
        toRemove.forEach(g -> events.publishEvent(new RightRevoked(
                actor,
                id.value(),
                members.get(new AccountId(g.accountId())).email(),
                kind.name(),
                g.code(),
                sourceAddress,
                now)));
    }

    private static List<Grant> concat(List<Grant> a, List<Grant> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private Set<String> allowedCodes(Grant.Kind kind, String serviceCode, OrganizationView organization) {
        return switch (kind) {
            case ADMIN -> enumNames(AdminRight.values());
            case SUPERVISION -> enumNames(SupervisionRight.values());
            case ROLE ->
                organizations.type(organization.typeCode(), Locale.FRENCH).orElseThrow().rolesOf(serviceCode).stream()
                        .map(r -> r.code())
                        .collect(Collectors.toSet());
        };
    }

    private static Set<String> enumNames(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    /** Admin rights: only by who may name admins here, and only those he holds himself. */
    private static void check(AdminAuthority authority, OrganizationView organization, Grant.Kind kind, String code) {
        var path = organization.path();
        var allowed = switch (kind) {
            case ADMIN -> authority.mayGrant(AdminRight.valueOf(code), path);
            case SUPERVISION, ROLE -> authority.mayCreateUsersIn(path);
        };
        if (!allowed) {
            throw new AccessDeniedException("may not grant " + kind + " " + code + " here");
        }
    }

    /** Who holds rights of this kind here ("Contacts : Administrateurs / Superviseurs"). */
    @Transactional(readOnly = true)
    List<PersonView> peopleWith(AccountId actor, OrganizationId id, Grant.Kind kind) {
        seen(actor, id);
        return grants.findByOrganizationIdAndKind(id.value(), kind).stream()
                .map(g -> new AccountId(g.accountId()))
                .distinct()
                .map(accounts::find)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(PersonView::lastName))
                .toList();
    }

    @Transactional(readOnly = true)
    List<PersonView> superAdminsOf(OrganizationId establishment) {
        return superAdmins.findByKeyEstablishmentId(establishment.value()).stream()
                .map(s -> accounts.find(new AccountId(s.accountId())))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(PersonView::lastName))
                .toList();
    }

    /** The last one stays: an establishment without super admin cannot decide its access requests. */
    @Transactional
    void removeSuperAdmin(AccountId actor, OrganizationId establishment, AccountId person, String sourceAddress) {
        require(actor, establishment, Capability.NAME_SUPER_ADMINS);
        var key = new SuperAdmin.Key(establishment.value(), person.value());
        if (!superAdmins.existsById(key)) {
            throw new AdministrationRefusal("super-admin.not-one");
        }
        if (superAdmins.countByKeyEstablishmentId(establishment.value()) <= 1) {
            throw new AdministrationRefusal("super-admin.last");
        }
        superAdmins.deleteById(key);
        var email = accounts.find(person).map(PersonView::email).orElse("-");
        events.publishEvent(new SuperAdminRemoved(actor, establishment.value(), email, sourceAddress, clock.instant()));
    }

    /** By a platform admin or one of the establishment's super admins; at most three. */
    @Transactional
    void nameSuperAdmin(AccountId actor, OrganizationId establishment, AccountId person, String sourceAddress) {
        require(actor, establishment, Capability.NAME_SUPER_ADMINS);
        var view = accounts.find(person)
                .filter(p -> accounts.isMemberOf(p.id(), establishment))
                .orElseThrow(() -> new AdministrationRefusal("super-admin.not-member"));
        if (superAdmins.existsById(new SuperAdmin.Key(establishment.value(), person.value()))) {
            return;
        }
        if (superAdmins.countByKeyEstablishmentId(establishment.value()) >= SuperAdmin.MAX_PER_ESTABLISHMENT) {
            throw new AdministrationRefusal("super-admin.too-many", SuperAdmin.MAX_PER_ESTABLISHMENT);
        }
        var now = clock.instant();
        superAdmins.save(new SuperAdmin(establishment.value(), person.value(), actor.value(), now));
        events.publishEvent(new SuperAdminNamed(actor, establishment.value(), view.email(), sourceAddress, now));
    }
}
