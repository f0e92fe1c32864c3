package fr.guichet.account.registration;

import fr.guichet.account.Account;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.Links;
import fr.guichet.account.Membership;
import fr.guichet.account.events.AccountActivated;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration and activation. Whether the address is new or not, the person sees the same
 * page; the difference goes by e-mail to the address's owner only, so nobody learns from the
 * portal whether an account exists.
 */
@Service
public class Registrations {

    public static final String CONSENT_VERSION = "2026-11";

    private final AccountRepository accounts;
    private final Organizations organizations;
    private final LinkTokens linkTokens;
    private final MailAllowance allowance;
    private final Outbox outbox;
    private final Links links;
    private final PasswordEncoder passwordEncoder;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrations(
            AccountRepository accounts,
            Organizations organizations,
            LinkTokens linkTokens,
            MailAllowance allowance,
            Outbox outbox,
            Links links,
            PasswordEncoder passwordEncoder,
            AccountProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.linkTokens = linkTokens;
        this.allowance = allowance;
        this.outbox = outbox;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void register(NewRegistration registration, String sourceAddress) {
        var existing = accounts.findByEmail(registration.email());
        if (existing.isPresent()) {
            remindExisting(existing.get());
            return;
        }
        var now = clock.instant();
        var account = new Account(registration.email(), registration.coordinates(), registration.locale(), now);
        account.choosePreferences(
                registration.interestDomains(),
                registration.newsletter(),
                registration.consent() ? CONSENT_VERSION : null,
                now);
        var confirmed = false;
        if (registration.organizationId() == null) {
            // an external requester: no membership to lose
            account.keepWithoutMembership();
        } else {
            var organization = new OrganizationId(registration.organizationId());
            confirmed = organizations.hasEmailDomain(
                    organization, registration.email().domain());
            account.join(
                    organization.value(), confirmed ? Membership.Status.CONFIRMED : Membership.Status.DECLARED, now);
        }
        account = accounts.saveAndFlush(account);
        sendVerification(account);
        events.publishEvent(new AccountRegistered(
                account.id(), account.email().value(), registration.organizationId(), confirmed, sourceAddress, now));
    }

    /** A pending account gets a fresh verification link; an active one, a way back in. */
    private void remindExisting(Account account) {
        if (account.isPending()) {
            sendVerification(account);
        } else if (account.isActive() && allowance.take(MailAllowance.Kind.ALREADY_REGISTERED, account.email())) {
            outbox.enqueue(new OutgoingMail(
                    account.email().value(),
                    account.locale(),
                    "already-registered",
                    Map.of(
                            "name",
                            account.displayName(),
                            "signInLink",
                            links.to("/connexion"),
                            "resetLink",
                            links.to("/mot-de-passe-oublie"))));
        }
    }

    /** Unless the address has had its share of links lately: then the last one sent stays valid. */
    void sendVerification(Account account) {
        if (!allowance.take(MailAllowance.Kind.VERIFY_EMAIL, account.email())) {
            return;
        }
        var token = linkTokens.issue(
                account.id(), LinkToken.Purpose.VERIFY_EMAIL, properties.links().verificationValidity(), null);
        outbox.enqueue(new OutgoingMail(
                account.email().value(),
                account.locale(),
                "verify-email",
                Map.of(
                        "name",
                        account.displayName(),
                        "link",
                        links.withToken("/activation", token),
                        "hours",
                        properties.links().verificationValidity().toHours())));
    }

    @Transactional(readOnly = true)
    boolean activationLinkUsable(String token) {
        return linkTokens.peek(token, LinkToken.Purpose.VERIFY_EMAIL).isPresent();
    }

    /** The account the link activates, to check the chosen password against its owner's names. */
    @Transactional(readOnly = true)
    Optional<Account> accountOfActivationLink(String token) {
        return linkTokens.peek(token, LinkToken.Purpose.VERIFY_EMAIL).flatMap(t -> accounts.findById(t.accountId()));
    }

    /** False when the link was already used, expired or replaced: nothing changes then. */
    @Transactional
    boolean activate(String token, String password, String sourceAddress) {
        var used = linkTokens.use(token, LinkToken.Purpose.VERIFY_EMAIL);
        if (used.isEmpty()) {
            return false;
        }
        var account = accounts.findById(used.get().accountId()).orElseThrow();
        if (!account.isPending()) {
            return false;
        }
        var now = clock.instant();
        account.activate(passwordEncoder.encode(password), now);
        events.publishEvent(new AccountActivated(account.id(), account.email().value(), sourceAddress, now));
        return true;
    }
}
