package fr.guichet.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's API. */
@Service
@Transactional(readOnly = true)
public class Organizations {

    private final OrganizationRepository repository;
    private final Clock clock;

    Organizations(OrganizationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public List<OrganizationView> searchEstablishments(String words, int limit) {
        var cleaned = words == null ? "" : words.strip();
        // LIKE wildcards typed by the person are taken literally
        cleaned = cleaned.replace("%", "").replace("_", "");
        return repository.searchEstablishments(cleaned, PageRequest.of(0, limit)).stream()
                .map(Organization::view)
                .toList();
    }

    public Optional<OrganizationView> establishmentOwningEmailDomain(String domain) {
        return repository.findEstablishmentByEmailDomain(domain.toLowerCase(Locale.ROOT)).map(Organization::view);
    }

    public Optional<OrganizationView> find(OrganizationId id) {
        return repository.findById(id.value()).map(Organization::view);
    }

    public List<OrganizationView> findAll(Collection<OrganizationId> ids) {
        return repository.findAllById(ids.stream().map(OrganizationId::value).toList()).stream()
                .map(Organization::view)
                .toList();
    }

    public boolean hasEmailDomain(OrganizationId id, String domain) {
        return repository.findById(id.value()).map(o -> o.hasEmailDomain(domain)).orElse(false);
    }

    public long countEstablishments() {
        return repository.countByParentIdIsNull();
    }

    @Transactional
    public OrganizationId createEstablishment(String name, String acronym, Set<String> emailDomains) {
        var saved = repository.save(Organization.establishment(name, acronym, emailDomains, clock.instant()));
        return saved.view().id();
    }
}
