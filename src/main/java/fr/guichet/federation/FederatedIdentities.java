package fr.guichet.federation;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's identities, as "Mon compte" lists and unties them. */
@Service
class FederatedIdentities {

    private final FederatedIdentityRepository identities;
    private final IdentityProviders providers;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FederatedIdentities(
            FederatedIdentityRepository identities,
            IdentityProviders providers,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.identities = identities;
        this.providers = providers;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    record Line(
            long id,
            long providerId,
            String providerName,
            boolean providerEnabled,
            Instant linkedAt,
            @Nullable Instant lastUsedAt) {}

    @Transactional(readOnly = true)
    List<Line> of(AccountId account) {
        return identities.findByAccountIdOrderByLinkedAt(account.value()).stream()
                .map(i -> {
                    var provider = providers.find(i.providerId()).orElseThrow();
                    return new Line(
                            i.id(), i.providerId(), provider.name(), provider.enabled(), i.linkedAt(), i.lastUsedAt());
                })
                .toList();
    }

    /**
     * Unties the identity from his account; false, and nothing changes, when it is his last way in
     * (no password and no other identity of a provider still on).
     */
    @Transactional
    boolean unlink(AccountId account, long identityId, String sourceAddress) {
        var his = identities.lockOf(account.value());
        var identity =
                his.stream().filter(i -> i.id() == identityId).findFirst().orElseThrow(NotFoundException::new);
        var othersUsable = his.stream()
                .filter(i -> i.id() != identityId)
                .anyMatch(i -> providers.enabled(i.providerId()).isPresent());
        if (!othersUsable && !accounts.hasPassword(account)) {
            return false;
        }
        identities.delete(identity);
        var provider = providers.find(identity.providerId()).orElseThrow();
        events.publishEvent(new IdentityUnlinked(
                account, provider.id(), provider.name(), provider.establishmentId(), sourceAddress, clock.instant()));
        return true;
    }
}
