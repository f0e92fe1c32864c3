package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The access module's API for other modules: the catalogue, and the platform's own setting-up of it. */
@Component
public class ServiceCatalogue {

    private final ServiceRepository services;
    private final AccessRequestRepository requests;
    private final Clock clock;
    private final Favourites favourites;

    ServiceCatalogue(ServiceRepository services, AccessRequestRepository requests, Clock clock, Favourites favourites) {
        this.favourites = favourites;
        this.services = services;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> find(ServiceId id) {
        return services.findById(id.value()).map(Service::view);
    }

    /** Who holds a grant of the service. */
    @Transactional(readOnly = true)
    public Set<AccountId> holders(ServiceId service) {
        return requests.findGrantHolders(service.value()).stream()
                .map(AccountId::new)
                .collect(Collectors.toSet());
    }

    /** Who starred the service: only they hear of what is published for its holders (seed 002). */
    @Transactional(readOnly = true)
    public Set<AccountId> starredBy(ServiceId service) {
        return favourites.starredBy(service);
    }

    /** Those among these people who starred any of these services, a query per batch whatever their number. */
    @Transactional(readOnly = true)
    public Set<AccountId> starredAmong(Collection<ServiceId> services, Collection<AccountId> people) {
        return favourites.starredAmong(services, people);
    }

    /** The person's grant of the service ("habilitation"): his accepted request, while it is not revoked. */
    @Transactional(readOnly = true)
    public Optional<AccessRequestView> grantOf(AccountId person, ServiceId service) {
        return requests.findFirstByServiceIdAndAccountIdAndStatus(
                        service.value(), person.value(), AccessStatus.ACCEPTED)
                .map(AccessRequest::view);
    }

    /** A request or grant by its id, as an {@link AccessEvent} names it. */
    @Transactional(readOnly = true)
    public Optional<AccessRequestView> request(AccessRequestId id) {
        return requests.findById(id.value()).map(AccessRequest::view);
    }

    @Transactional(readOnly = true)
    public List<ServiceView> all() {
        return services.findAllByOrderByDomainAscNameAsc().stream()
                .map(Service::view)
                .toList();
    }

    /** Installation and demo data: defines a service unless its code exists, decided by nobody's hand. */
    @Transactional
    public ServiceId define(ServiceDefinition definition) {
        var code = definition.code().strip().toUpperCase(Locale.ROOT);
        return services.findByCode(code)
                .map(Service::id)
                .orElseGet(() -> services.saveAndFlush(new Service(definition, clock.instant()))
                        .id());
    }
}
