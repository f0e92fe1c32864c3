package fr.guichet.federation;

import fr.guichet.account.AccountId;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers: the one write path for the page and the configuration, and what the chooser and
 * the protocols read. Only platform admins reach the writing methods (the routes say so).
 */
@Service
public class IdentityProviders {

    private final IdentityProviderRepository providers;
    private final FederatedIdentityRepository identities;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdentityProviders(
            IdentityProviderRepository providers,
            FederatedIdentityRepository identities,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.providers = providers;
        this.identities = identities;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** An enabled provider, as the protocols read it: a disabled one signs nobody in. */
    @Transactional(readOnly = true)
    public Optional<ProviderView> enabled(long id) {
        return providers.findById(id).map(IdentityProvider::view).filter(ProviderView::enabled);
    }

    @Transactional(readOnly = true)
    public Optional<ProviderView> find(long id) {
        return providers.findById(id).map(IdentityProvider::view);
    }

    @Transactional(readOnly = true)
    boolean anyEnabled() {
        return providers.existsByEnabledTrue();
    }

    @Transactional(readOnly = true)
    List<ProviderView> all() {
        return providers.findAllByOrderByName().stream()
                .map(IdentityProvider::view)
                .toList();
    }

    @Transactional(readOnly = true)
    List<ProviderView> allEnabled() {
        return providers.findByEnabledTrueOrderByName().stream()
                .map(IdentityProvider::view)
                .toList();
    }

    /** The provider of the establishment that owns the address's domain, if it has one turned on. */
    @Transactional(readOnly = true)
    Optional<ProviderView> forEmailDomain(String domain) {
        return organizations
                .establishmentOwningEmailDomain(domain)
                .flatMap(e -> providers.findByEnabledTrueAndEstablishmentId(e.id().value()).stream()
                        .findFirst())
                .map(IdentityProvider::view);
    }

    @Transactional
    long create(ProviderSettings settings, AccountId actor, String sourceAddress) {
        check(settings, false);
        var now = clock.instant();
        var provider = providers.saveAndFlush(new IdentityProvider(settings, null, now));
        events.publishEvent(new ProviderSaved(
                actor, provider.id(), settings.name(), settings.establishmentId(), true, sourceAddress, now));
        return provider.id();
    }

    @Transactional
    void change(long id, ProviderSettings settings, AccountId actor, String sourceAddress) {
        var provider = editable(id);
        check(settings, provider.hasSecret());
        var field = provider.identifyingFieldChangedBy(settings);
        if (field != null && identities.countByProviderId(id) > 0) {
            // the same user name at another server is another person: his identities would open theirs
            throw new InvalidProvider(
                    List.of(new ProviderSettings.Problem(field, "federation.provider.identities-tied")));
        }
        var now = clock.instant();
        provider.change(settings, now);
        events.publishEvent(
                new ProviderSaved(actor, id, settings.name(), settings.establishmentId(), false, sourceAddress, now));
    }

    /** Platform admins turn off or on a provider of the federation's metadata too: that is theirs to choose. */
    @Transactional
    void switchOn(long id, boolean enabled, AccountId actor, String sourceAddress) {
        var provider = providers.findById(id).orElseThrow(NotFoundException::new);
        if (provider.fromConfiguration() && !provider.fromMetadata()) {
            throw new InvalidProvider(List.of(new ProviderSettings.Problem("name", "federation.provider.configured")));
        }
        var now = clock.instant();
        provider.enable(enabled, now);
        var view = provider.view();
        events.publishEvent(
                new ProviderSwitched(actor, id, view.name(), view.establishmentId(), enabled, sourceAddress, now));
    }

    /**
     * Writes a provider of the deployment's configuration: created the first time, changed when its
     * settings differ, left alone otherwise (a restart writes nothing to the trail).
     */
    @Transactional
    void configure(String key, ProviderSettings settings, boolean enabled) {
        var existing = providers.findByConfigKey(key);
        check(settings, existing.map(IdentityProvider::hasSecret).orElse(false));
        var now = clock.instant();
        if (existing.isEmpty()) {
            var provider = new IdentityProvider(settings, key, now);
            provider.enable(enabled, now);
            provider = providers.saveAndFlush(provider);
            events.publishEvent(new ProviderSaved(
                    null, provider.id(), settings.name(), settings.establishmentId(), true, null, now));
            return;
        }
        var provider = existing.get();
        // a restart with the same configuration changes nothing and writes nothing to the trail
        if (provider.differsFrom(settings, enabled)) {
            provider.change(settings, now);
            provider.enable(enabled, now);
            events.publishEvent(new ProviderSaved(
                    null, provider.id(), settings.name(), settings.establishmentId(), false, null, now));
        }
    }

    /** What an import of a federation's metadata did. */
    public record Imported(int added, int changed, int withdrawn, int leftOut) {}

    /**
     * Writes the providers of a federation's metadata: new ones added (on), changed ones updated
     * (their on/off state is the platform admins'), those the metadata no longer lists turned off.
     * A provider is tied to the establishment that owns one of its scopes, if one does.
     */
    @Transactional
    public Imported importMetadata(List<MetadataProvider> listed) {
        var now = clock.instant();
        var seen = new java.util.HashSet<String>();
        int added = 0;
        int changed = 0;
        int leftOut = 0;
        for (var entry : listed) {
            var key = metadataKey(entry.entityId());
            if (!seen.add(key)) {
                continue;
            }
            var establishment = entry.scopes().stream()
                    .map(organizations::establishmentOwningEmailDomain)
                    .flatMap(Optional::stream)
                    .map(o -> o.id().value())
                    .findFirst()
                    .orElse(null);
            var settings = ProviderSettings.of(
                    Protocol.SAML,
                    entry.name().length() > 200 ? entry.name().substring(0, 200) : entry.name(),
                    establishment,
                    null,
                    null,
                    null,
                    null,
                    null,
                    entry.entityId(),
                    entry.ssoUrl(),
                    entry.certificate());
            if (!settings.problems(false).isEmpty()) {
                leftOut++;
                continue;
            }
            var existing = providers.findByConfigKey(key);
            if (existing.isEmpty()) {
                var provider = providers.save(new IdentityProvider(settings, key, now));
                events.publishEvent(
                        new ProviderSaved(null, provider.id(), settings.name(), establishment, true, null, now));
                added++;
            } else {
                var provider = existing.get();
                if (provider.relisted(now)) {
                    events.publishEvent(
                            new ProviderSwitched(null, provider.id(), settings.name(), establishment, true, null, now));
                    changed++;
                }
                if (provider.differsFrom(settings, provider.view().enabled())) {
                    provider.change(settings, now);
                    events.publishEvent(
                            new ProviderSaved(null, provider.id(), settings.name(), establishment, false, null, now));
                    changed++;
                }
            }
        }
        int withdrawn = 0;
        for (var provider : providers.findByConfigKeyStartingWith(METADATA)) {
            var view = provider.view();
            if (!seen.contains(provider.configKey()) && view.enabled()) {
                provider.withdraw(now);
                events.publishEvent(
                        new ProviderSwitched(null, view.id(), view.name(), view.establishmentId(), false, null, now));
                withdrawn++;
            }
        }
        return new Imported(added, changed, withdrawn, leftOut);
    }

    static final String METADATA = "metadata:";

    /** The entity id, or its digest when longer than the key's column: entity ids are URLs. */
    private static String metadataKey(String entityId) {
        var key = METADATA + entityId;
        if (key.length() <= 100) {
            return key;
        }
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(entityId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return METADATA + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private IdentityProvider editable(long id) {
        var provider = providers.findById(id).orElseThrow(NotFoundException::new);
        if (provider.fromConfiguration()) {
            // the next start would write the configuration's settings back over the page's
            throw new InvalidProvider(List.of(new ProviderSettings.Problem("name", "federation.provider.configured")));
        }
        return provider;
    }

    private void check(ProviderSettings settings, boolean secretStored) {
        var problems = new ArrayList<>(settings.problems(secretStored));
        if (settings.establishmentId() != null
                && organizations
                        .find(new OrganizationId(settings.establishmentId()))
                        .filter(OrganizationView::establishment)
                        .isEmpty()) {
            problems.add(new ProviderSettings.Problem("establishmentId", "federation.provider.establishment-unknown"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProvider(problems);
        }
    }

    /** The names of these establishments, in one query: the chooser may list hundreds of providers. */
    @Transactional(readOnly = true)
    java.util.Map<Long, String> establishmentNames(java.util.Collection<Long> ids) {
        return organizations
                .findAll(ids.stream().distinct().map(OrganizationId::new).toList())
                .stream()
                .collect(java.util.stream.Collectors.toMap(o -> o.id().value(), OrganizationView::name, (a, b) -> a));
    }

    @Transactional(readOnly = true)
    @Nullable
    String establishmentName(@Nullable Long establishmentId) {
        return establishmentId == null
                ? null
                : organizations
                        .find(new OrganizationId(establishmentId))
                        .map(OrganizationView::name)
                        .orElse(null);
    }
}
