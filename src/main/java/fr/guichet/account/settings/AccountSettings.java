package fr.guichet.account.settings;

import fr.guichet.account.Account;
import fr.guichet.account.AccountId;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.Coordinates;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.InterestDomain;
import fr.guichet.account.Links;
import fr.guichet.account.SessionsOfAccount;
import fr.guichet.account.events.CoordinatesChanged;
import fr.guichet.account.events.EmailChanged;
import fr.guichet.account.events.PasswordChanged;
import fr.guichet.account.registration.LinkToken;
import fr.guichet.account.registration.LinkTokens;
import fr.guichet.account.registration.MailAllowance;
import fr.guichet.account.registration.Registrations;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Mon compte": what a signed-in person changes about himself. */
@Service
class AccountSettings {

    enum EmailChange {
        CHANGED,
        INVALID_LINK,
        TAKEN
    }

    private final AccountRepository accounts;
    private final LinkTokens linkTokens;
    private final MailAllowance allowance;
    private final Outbox outbox;
    private final Links links;
    private final PasswordEncoder passwordEncoder;
    private final SessionsOfAccount sessions;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountSettings(
            AccountRepository accounts,
            LinkTokens linkTokens,
            MailAllowance allowance,
            Outbox outbox,
            Links links,
            PasswordEncoder passwordEncoder,
            SessionsOfAccount sessions,
            AccountProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.linkTokens = linkTokens;
        this.allowance = allowance;
        this.outbox = outbox;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Account get(AccountId id) {
        return accounts.findById(id.value()).orElseThrow(NotFoundException::new);
    }

    @Transactional
    void changeCoordinates(AccountId id, Coordinates coordinates, String sourceAddress) {
        var account = get(id);
        account.changeCoordinates(coordinates);
        events.publishEvent(new CoordinatesChanged(id, account.email().value(), sourceAddress, clock.instant()));
    }

    @Transactional
    void choosePreferences(
            AccountId id, Set<InterestDomain> domains, boolean newsletter, boolean consent, String sourceAddress) {
        var account = get(id);
        var now = clock.instant();
        account.choosePreferences(domains, newsletter, consent ? Registrations.CONSENT_VERSION : null, now);
        events.publishEvent(new CoordinatesChanged(id, account.email().value(), sourceAddress, now));
    }

    /**
     * Sends a verification link to the new address. If the address belongs to someone else, its
     * owner is told instead: the requester sees the same thing either way, also when the address
     * has had its share of such messages lately and nothing is sent.
     */
    @Transactional
    void requestEmailChange(AccountId id, EmailAddress newEmail, Locale locale) {
        var account = get(id);
        if (newEmail.equals(account.email())) {
            return;
        }
        var owner = accounts.findByEmail(newEmail);
        if (owner.isPresent()) {
            if (!allowance.take(MailAllowance.Kind.EMAIL_TAKEN, newEmail)) {
                return;
            }
            outbox.enqueue(new OutgoingMail(
                    newEmail.value(),
                    owner.get().locale(),
                    "email-taken",
                    Map.of("name", owner.get().displayName(), "resetLink", links.to("/mot-de-passe-oublie"))));
            return;
        }
        if (!allowance.take(MailAllowance.Kind.CONFIRM_EMAIL_CHANGE, newEmail)) {
            return;
        }
        var token = linkTokens.issue(
                id, LinkToken.Purpose.CHANGE_EMAIL, properties.links().verificationValidity(), newEmail.value());
        outbox.enqueue(new OutgoingMail(
                newEmail.value(),
                locale,
                "confirm-email-change",
                Map.of(
                        "name",
                        account.displayName(),
                        "link",
                        links.withToken("/compte/email/confirmer", token),
                        "hours",
                        properties.links().verificationValidity().toHours())));
    }

    @Transactional
    EmailChange confirmEmailChange(String token, String sourceAddress) {
        var used = linkTokens.use(token, LinkToken.Purpose.CHANGE_EMAIL);
        if (used.isEmpty()) {
            return EmailChange.INVALID_LINK;
        }
        var newEmail = new EmailAddress(used.get().newEmail());
        if (accounts.existsByEmail(newEmail)) {
            return EmailChange.TAKEN;
        }
        var account = accounts.findById(used.get().accountId()).orElseThrow();
        var oldEmail = account.email();
        account.changeEmail(newEmail);
        accounts.flush();
        outbox.enqueue(new OutgoingMail(
                oldEmail.value(),
                account.locale(),
                "email-changed",
                Map.of("name", account.displayName(), "newEmail", newEmail.value())));
        events.publishEvent(
                new EmailChanged(account.id(), oldEmail.value(), newEmail.value(), sourceAddress, clock.instant()));
        return EmailChange.CHANGED;
    }

    @Transactional(readOnly = true)
    boolean isCurrentPassword(AccountId id, String password) {
        // no password at all (signs in by certificate or through his establishment): nothing matches it
        var hash = get(id).passwordHash();
        return password != null && hash != null && passwordEncoder.matches(password, hash);
    }

    /** Ends every other session of the person: whoever else was signed in with the old one is out. */
    @Transactional
    void changePassword(AccountId id, String newPassword, String keptSessionId, String sourceAddress) {
        var account = get(id);
        account.changePassword(passwordEncoder.encode(newPassword));
        sessions.endAllBut(id, keptSessionId);
        outbox.enqueue(new OutgoingMail(
                account.email().value(),
                account.locale(),
                "password-changed",
                Map.of("name", account.displayName(), "resetLink", links.to("/mot-de-passe-oublie"))));
        events.publishEvent(new PasswordChanged(id, account.email().value(), sourceAddress, clock.instant()));
    }
}
