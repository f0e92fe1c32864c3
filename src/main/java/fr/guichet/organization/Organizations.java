package fr.guichet.organization;

import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation module's API. */
@Service
@Transactional(readOnly = true)
public class Organizations {

    private final OrganizationRepository repository;
    private final OrganizationTypeRepository types;
    private final OrganizationTypeRoleRepository roles;
    private final Clock clock;

    Organizations(
            OrganizationRepository repository,
            OrganizationTypeRepository types,
            OrganizationTypeRoleRepository roles,
            Clock clock) {
        this.repository = repository;
        this.types = types;
        this.roles = roles;
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
        return repository
                .findEstablishmentByEmailDomain(domain.toLowerCase(Locale.ROOT))
                .map(Organization::view);
    }

    public Optional<OrganizationView> find(OrganizationId id) {
        return repository.findById(id.value()).map(Organization::view);
    }

    /**
     * The organisation, its row locked until the caller's transaction ends: what a validation
     * compares cannot change under it before it applies (an administrator's edit waits).
     */
    @Transactional
    public Optional<OrganizationView> lock(OrganizationId id) {
        return repository.findLocked(id.value()).map(Organization::view);
    }

    public List<OrganizationView> findAll(Collection<OrganizationId> ids) {
        return repository.findAllById(ids.stream().map(OrganizationId::value).toList()).stream()
                .map(Organization::view)
                .toList();
    }

    /**
     * The organisations whose postal code begins with one of these two or three digits: where a
     * département's organisations are (the département of a postal code is the places' rule).
     */
    public List<OrganizationId> withPostalCodeBeginningWith(Collection<String> beginnings) {
        if (beginnings.isEmpty()) {
            return List.of();
        }
        return repository.findIdsByPostalCodeBeginning(beginnings).stream()
                .map(OrganizationId::new)
                .toList();
    }

    /** The materialised paths of these organisations, by id (missing ones are left out). */
    public Map<Long, String> pathsOf(Collection<OrganizationId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findPaths(ids.stream().map(OrganizationId::value).toList()).stream()
                .collect(Collectors.toMap(
                        OrganizationRepository.IdAndPath::getId, OrganizationRepository.IdAndPath::getPath));
    }

    public boolean hasEmailDomain(OrganizationId id, String domain) {
        return repository
                .findById(id.value())
                .map(o -> o.hasEmailDomain(domain))
                .orElse(false);
    }

    public long countEstablishments() {
        return repository.countByParentIdIsNull();
    }

    @Transactional
    public OrganizationId createEstablishment(String name, String acronym, Set<String> emailDomains) {
        return createEstablishment(name, acronym, "LARGE", emailDomains);
    }

    @Transactional
    public OrganizationId createEstablishment(String name, String acronym, String typeCode, Set<String> emailDomains) {
        requireType(typeCode);
        var saved = repository.saveAndFlush(
                Organization.establishment(name, acronym, typeCode, emailDomains, clock.instant()));
        saved.placeInTree();
        return new OrganizationId(saved.id());
    }

    /** A new node under the parent; its type is fixed for life. */
    @Transactional
    public OrganizationId createSubOrganization(OrganizationId parent, String typeCode, OrganizationDetails details) {
        requireType(typeCode);
        var node = repository.findById(parent.value()).orElseThrow(NotFoundException::new);
        var saved = repository.saveAndFlush(node.child(typeCode, details, clock.instant()));
        saved.placeInTree();
        return new OrganizationId(saved.id());
    }

    @Transactional
    public void change(OrganizationId id, OrganizationDetails details) {
        repository.findById(id.value()).orElseThrow(NotFoundException::new).change(details);
    }

    /**
     * Removes a leaf. Callers check first what other modules hold on it (users, certificates);
     * sub-organisations are checked here.
     */
    @Transactional
    public void delete(OrganizationId id) {
        if (repository.existsByParentId(id.value())) {
            throw new IllegalStateException("organization " + id.value() + " has sub-organizations");
        }
        repository.deleteById(id.value());
    }

    public boolean hasSubOrganizations(OrganizationId id) {
        return repository.existsByParentId(id.value());
    }

    public List<OrganizationView> children(OrganizationId id) {
        return repository.findByParentIdOrderByName(id.value()).stream()
                .map(Organization::view)
                .toList();
    }

    /** The organisation and everything under it, parents before children. */
    public List<OrganizationView> subtree(OrganizationId id) {
        var root = repository.findById(id.value()).orElseThrow(NotFoundException::new);
        return repository.findSubtree(root.path()).stream()
                .map(Organization::view)
                .toList();
    }

    public List<OrganizationTypeView> types(Locale locale) {
        return types.findAllByOrderByPosition().stream()
                .map(t -> t.view(locale))
                .toList();
    }

    public Optional<OrganizationTypeView> type(String code, Locale locale) {
        return types.findById(code).map(t -> t.view(locale));
    }

    /**
     * A new type with its roles (a platform admin's act). Types are never changed afterwards:
     * organisations created with one keep its roles for life.
     */
    @Transactional
    public void defineType(String code, String labelFr, String labelEn, List<NewRole> newRoles) {
        if (types.existsById(code)) {
            throw new IllegalStateException("organization type " + code + " exists");
        }
        types.saveAndFlush(new OrganizationType(code, labelFr, labelEn, (int) types.count() + 1));
        for (int i = 0; i < newRoles.size(); i++) {
            roles.save(new OrganizationTypeRole(code, newRoles.get(i), i + 1));
        }
    }

    public boolean typeExists(String code) {
        return code != null && types.existsById(code);
    }

    private void requireType(String typeCode) {
        if (typeCode == null || !types.existsById(typeCode)) {
            throw new IllegalArgumentException("unknown organization type " + typeCode);
        }
    }
}
