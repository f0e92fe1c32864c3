package fr.guichet.access;

import fr.guichet.account.AccountId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The access module's API for other modules: the catalogue, and the platform's own setting-up of it. */
@Component
public class ServiceCatalogue {

    private final ServiceRepository services;
    private final AccessRequestRepository requests;
    private final Clock clock;

    ServiceCatalogue(ServiceRepository services, AccessRequestRepository requests, Clock clock) {
        this.services = services;
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ServiceView> find(ServiceId id) {
        return services.findById(id.value()).map(Service::view);
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
