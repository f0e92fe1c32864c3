package fr.guichet.access;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.PersonView;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as a platform admin manages it and as a member sees it. */
@Component
class Catalogue {

    /** A service as one member sees it: where his request stands and whether he starred it. */
    public record Entry(
            ServiceView service,
            @Nullable AccessRequestView latest,
            @Nullable String decidedByName,
            boolean favourite) {

        public @Nullable AccessStatus status() {
            return latest == null ? null : latest.status();
        }

        public boolean granted() {
            return status() == AccessStatus.ACCEPTED;
        }

        /** Not asked, refused, revoked or cancelled: he may ask (again). */
        public boolean mayAsk() {
            return latest == null || !latest.status().open();
        }
    }

    public record Domain(InterestDomain domain, List<Entry> entries) {}

    /**
     * What the member sees: the catalogue by domain, his establishment's tools. The agency's staff
     * see it too, as the place to reach every service's documents, which they write.
     */
    public record ForMember(
            List<Domain> domains,
            List<EstablishmentTool> tools,
            OrganizationView establishment,
            boolean establishmentHasSuperAdmin,
            boolean staff) {

        public List<Entry> entries() {
            return domains.stream().flatMap(d -> d.entries().stream()).toList();
        }

        /**
         * His requests will wait until his establishment names a super admin. Not said to the
         * agency's staff: their own organisation has none to name, and they are the agency the
         * warning says is told.
         */
        public boolean waitsForASuperAdmin() {
            return establishment != null && !establishmentHasSuperAdmin && !staff;
        }
    }

    private final ServiceRepository services;
    private final AccessRequests requests;
    private final Favourites favourites;
    private final EstablishmentCatalogue establishments;
    private final Accounts accounts;
    private final Delegation delegation;
    private final Clock clock;

    Catalogue(
            ServiceRepository services,
            AccessRequests requests,
            Favourites favourites,
            EstablishmentCatalogue establishments,
            Accounts accounts,
            Delegation delegation,
            Clock clock) {
        this.services = services;
        this.requests = requests;
        this.favourites = favourites;
        this.establishments = establishments;
        this.accounts = accounts;
        this.delegation = delegation;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ServiceView> all() {
        return services.findAllByOrderByDomainAscNameAsc().stream()
                .map(Service::view)
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<ServiceView> find(ServiceId id) {
        return services.findById(id.value()).map(Service::view);
    }

    @Transactional
    ServiceId create(AccountId actor, ServiceDefinition definition) {
        requirePlatformAdmin(actor);
        var code = definition.code().strip().toUpperCase(Locale.ROOT);
        if (services.existsByCode(code)) {
            throw new AccessRuleRefusal("service.code.taken", code);
        }
        return services.saveAndFlush(new Service(definition, clock.instant())).id();
    }

    @Transactional
    void change(AccountId actor, ServiceId id, ServiceDefinition definition) {
        requirePlatformAdmin(actor);
        var service = services.findById(id.value()).orElseThrow(NotFoundException::new);
        service.change(definition);
    }

    /** The active services the person's establishment offers, grouped by domain, with his state for each. */
    @Transactional(readOnly = true)
    ForMember forMember(AccountId person, Optional<OrganizationId> acting) {
        var establishment = requests.membershipFor(person, acting).map(AccessRequests.Member::establishment);
        var hidden = establishment.map(e -> establishments.hidden(e.id())).orElse(Set.of());
        var latest = new LinkedHashMap<ServiceId, AccessRequestView>();
        requests.mine(person).forEach(r -> latest.putIfAbsent(r.service(), r));
        var starred = favourites.of(person);
        var names = new HashMap<AccountId, String>();
        var byDomain = new LinkedHashMap<InterestDomain, List<Entry>>();
        for (var service : services.findAllByOrderByDomainAscNameAsc()) {
            if (!service.active() || hidden.contains(service.id())) {
                continue;
            }
            var request = latest.get(service.id());
            var decider = request == null || request.decidedBy() == null
                    ? null
                    : names.computeIfAbsent(
                            request.decidedBy(),
                            id -> accounts.find(id).map(PersonView::displayName).orElse(""));
            byDomain.computeIfAbsent(service.view().domain(), d -> new ArrayList<>())
                    .add(new Entry(service.view(), request, decider, starred.contains(service.id())));
        }
        var domains = byDomain.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Domain(
                        e.getKey(),
                        e.getValue().stream()
                                .sorted(Comparator.comparing(
                                        (Entry x) -> x.service().name(), String.CASE_INSENSITIVE_ORDER))
                                .toList()))
                .toList();
        var tools = establishment.map(e -> establishments.tools(e.id())).orElse(List.of());
        var hasSuperAdmin = establishment
                .map(e -> !delegation.superAdminsOf(e.id()).isEmpty())
                .orElse(false);
        return new ForMember(domains, tools, establishment.orElse(null), hasSuperAdmin, accounts.isStaff(person));
    }

    private void requirePlatformAdmin(AccountId actor) {
        if (!accounts.isPlatformAdmin(actor)) {
            throw new AccessDeniedException("platform admins manage the catalogue");
        }
    }
}
