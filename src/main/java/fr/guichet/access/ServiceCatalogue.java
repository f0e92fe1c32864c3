package fr.guichet.access;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The access module's API for other modules: the catalogue, and the platform's own setting-up of it. */
@Component
public class ServiceCatalogue {

    private final ServiceRepository services;
    private final Clock clock;

    ServiceCatalogue(ServiceRepository services, Clock clock) {
        this.services = services;
        this.clock = clock;
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
