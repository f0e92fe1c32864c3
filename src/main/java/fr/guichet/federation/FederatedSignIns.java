package fr.guichet.federation;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.AuthenticationMethod;
import fr.guichet.account.Civility;
import fr.guichet.account.Coordinates;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.PersonView;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.OrganizationView;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a provider's answer does. The rules that keep an identity from taking over someone else's
 * account:
 *
 * <ul>
 *   <li>an identity already tied to an account signs that account in, and only it;
 *   <li>an existing account is tied to a new identity by its address only when the provider
 *       vouches for the address (verified, and of its establishment's domains when it has one),
 *       and never for a platform admin or an agent: they tie it from "Mon compte", signed in;
 *   <li>a new account needs an address the provider verified;
 *   <li>one identity per provider and account; an identity is never shared by two accounts.
 * </ul>
 */
@Service
class FederatedSignIns {

    private final FederatedIdentityRepository identities;
    private final Accounts accounts;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FederatedSignIns(
            FederatedIdentityRepository identities,
            Accounts accounts,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param linkingFor the signed-in person who asked, from "Mon compte", to tie an identity of
     *     this provider to his account; none for a sign-in
     */
    @Transactional
    Arrival arrive(
            ProviderView provider, AssertedIdentity identity, @Nullable AccountId linkingFor, String sourceAddress) {
        var now = clock.instant();
        if (identity.subject().isBlank() || identity.subject().length() > 500) {
            return refused("federation.refused.provider-failed", provider);
        }
        var existing = identities.findByProviderIdAndSubject(provider.id(), identity.subject());
        if (linkingFor != null) {
            if (byCertificateOnly(linkingFor)) {
                return refused("federation.refused.certificate-only", provider);
            }
            if (existing.isPresent()) {
                return existing.get().accountId() == linkingFor.value()
                        ? new Arrival.Linked(linkingFor)
                        : refused("federation.refused.linked-elsewhere", provider);
            }
            if (identities
                    .findByAccountIdAndProviderId(linkingFor.value(), provider.id())
                    .isPresent()) {
                return refused("federation.refused.one-per-provider", provider);
            }
            link(linkingFor, provider, identity, IdentityLinked.How.BY_PERSON, sourceAddress);
            return new Arrival.Linked(linkingFor);
        }
        if (existing.isPresent()) {
            var account = new AccountId(existing.get().accountId());
            if (!accounts.find(account).map(PersonView::active).orElse(false)) {
                return refused("federation.refused.inactive", provider);
            }
            if (byCertificateOnly(account)) {
                return refused("federation.refused.certificate-only", provider);
            }
            existing.get().used(now);
            return new Arrival.SignIn(account);
        }
        var email = identity.email();
        if (email == null || !EmailAddress.isValid(email)) {
            return refused("federation.refused.no-email", provider);
        }
        var holder = accounts.findByEmail(email);
        if (holder.isPresent()) {
            return byAddress(holder.get(), provider, identity, sourceAddress);
        }
        // a new account under an address is created only when the provider vouches for it: else an
        // establishment's provider could make, and later open, the account of another's member
        if (!vouchesFor(provider, identity)) {
            return refused("federation.refused.address-unverified", provider);
        }
        return new Arrival.Complete(
                new Newcomer(provider.id(), provider.name(), identity, establishmentOf(provider, identity)));
    }

    private Arrival byAddress(
            PersonView holder, ProviderView provider, AssertedIdentity identity, String sourceAddress) {
        if (!vouchesFor(provider, identity)) {
            return refused("federation.refused.address-not-vouched", provider);
        }
        if (accounts.isStaff(holder.id())) {
            return refused("federation.refused.staff", provider);
        }
        if (!holder.active()) {
            return refused("federation.refused.inactive", provider);
        }
        if (byCertificateOnly(holder.id())) {
            return refused("federation.refused.certificate-only", provider);
        }
        if (identities
                .findByAccountIdAndProviderId(holder.id().value(), provider.id())
                .isPresent()) {
            return refused("federation.refused.other-identity", provider);
        }
        link(holder.id(), provider, identity, IdentityLinked.How.SAME_ADDRESS, sourceAddress);
        return new Arrival.SignIn(holder.id());
    }

    /** An admin set the account to sign in with its certificate only: no other way opens it. */
    private boolean byCertificateOnly(AccountId account) {
        return accounts.authentication(account)
                .map(a -> a.method() == AuthenticationMethod.CERTIFICATE)
                .orElse(false);
    }

    /** The provider says the address is his, and it is of the provider's establishment if it has one. */
    private boolean vouchesFor(ProviderView provider, AssertedIdentity identity) {
        var domain = identity.emailDomain();
        return identity.emailVerified()
                && domain != null
                && (provider.establishmentId() == null
                        || organizations.hasEmailDomain(new OrganizationId(provider.establishmentId()), domain));
    }

    /** The provider's own establishment, or the one the answer names: by UAI, then by the address. */
    private @Nullable Long establishmentOf(ProviderView provider, AssertedIdentity identity) {
        if (provider.establishmentId() != null) {
            return provider.establishmentId();
        }
        var domain = identity.emailDomain();
        Optional<OrganizationView> byDomain =
                domain == null ? Optional.empty() : organizations.establishmentOwningEmailDomain(domain);
        return byDomain.map(o -> o.id().value()).orElse(null);
    }

    /**
     * Creates the newcomer's account and ties the identity to it. Empty when, meanwhile, the address
     * or the identity was taken (two tabs, two submissions).
     */
    @Transactional
    Optional<AccountId> welcome(
            Newcomer newcomer,
            Civility civility,
            String lastName,
            String firstName,
            Locale locale,
            String sourceAddress) {
        var identity = newcomer.identity();
        if (identities
                        .findByProviderIdAndSubject(newcomer.providerId(), identity.subject())
                        .isPresent()
                || accounts.exists(identity.email())) {
            return Optional.empty();
        }
        var establishment = newcomer.establishmentId() == null ? null : new OrganizationId(newcomer.establishmentId());
        try {
            var account = accounts.createVouchedFor(
                    identity.email(),
                    Coordinates.external(civility, lastName, firstName),
                    locale,
                    establishment,
                    establishment != null,
                    sourceAddress);
            var now = clock.instant();
            identities.saveAndFlush(
                    new FederatedIdentity(account.value(), newcomer.providerId(), identity.subject(), now));
            events.publishEvent(new IdentityLinked(
                    account,
                    newcomer.providerId(),
                    newcomer.providerName(),
                    newcomer.establishmentId(),
                    IdentityLinked.How.NEW_ACCOUNT,
                    sourceAddress,
                    now));
            return Optional.of(account);
        } catch (DataIntegrityViolationException raced) {
            throw new WelcomeRaced(raced);
        }
    }

    private void link(
            AccountId account,
            ProviderView provider,
            AssertedIdentity identity,
            IdentityLinked.How how,
            String sourceAddress) {
        var now = clock.instant();
        identities.saveAndFlush(new FederatedIdentity(account.value(), provider.id(), identity.subject(), now));
        events.publishEvent(new IdentityLinked(
                account, provider.id(), provider.name(), provider.establishmentId(), how, sourceAddress, now));
    }

    private static Arrival.Refused refused(String code, ProviderView provider) {
        return new Arrival.Refused(code, provider.name());
    }

    /** The address or the identity was taken between the check and the insert: nothing was kept. */
    static final class WelcomeRaced extends RuntimeException {
        WelcomeRaced(Throwable cause) {
            super(cause);
        }
    }
}
