package fr.guichet.account.registration;

import fr.guichet.account.Account;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.Links;
import fr.guichet.account.PasswordLinks;
import fr.guichet.account.SessionsOfAccount;
import fr.guichet.account.events.PasswordReset;
import fr.guichet.account.security.ApiTokens;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords: the answer is the same whether the address has an account or not. An account
 * that signs in by certificate gets no link: a password would be a second way in that its admin did
 * not choose.
 */
@Service
class PasswordResets implements PasswordLinks {

    private final AccountRepository accounts;
    private final LinkTokens linkTokens;
    private final MailAllowance allowance;
    private final Registrations registrations;
    private final Outbox outbox;
    private final Links links;
    private final PasswordEncoder passwordEncoder;
    private final SessionsOfAccount sessions;
    private final ApiTokens apiTokens;
    private final AccountProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PasswordResets(
            AccountRepository accounts,
            LinkTokens linkTokens,
            MailAllowance allowance,
            Registrations registrations,
            Outbox outbox,
            Links links,
            PasswordEncoder passwordEncoder,
            SessionsOfAccount sessions,
            ApiTokens apiTokens,
            AccountProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.linkTokens = linkTokens;
        this.allowance = allowance;
        this.registrations = registrations;
        this.outbox = outbox;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void request(String email) {
        if (!EmailAddress.isValid(email)) {
            return;
        }
        accounts.findByEmail(new EmailAddress(email)).ifPresent(account -> {
            if (account.isPending()) {
                // never verified: what the person needs is the verification link again
                registrations.sendVerification(account);
            } else if (account.isActive()
                    && account.usesPassword()
                    && allowance.take(MailAllowance.Kind.RESET_PASSWORD, account.email())) {
                sendLink(account, "reset-password");
            }
        });
    }

    /** An admin had the person sign in by password again: not a stranger's request, so no allowance taken. */
    @Override
    @Transactional
    public void toChoosePassword(Account account) {
        sendLink(account, "choose-password");
    }

    private void sendLink(Account account, String template) {
        var validity = properties.links().resetValidity();
        var token = linkTokens.issue(account.id(), LinkToken.Purpose.RESET_PASSWORD, validity, null);
        outbox.enqueue(new OutgoingMail(
                account.email().value(),
                account.locale(),
                template,
                Map.of(
                        "name",
                        account.displayName(),
                        "link",
                        links.withToken("/mot-de-passe/nouveau", token),
                        "minutes",
                        validity.toMinutes())));
    }

    @Transactional(readOnly = true)
    Optional<Account> accountOfLink(String token) {
        return linkTokens.peek(token, LinkToken.Purpose.RESET_PASSWORD).flatMap(t -> accounts.findById(t.accountId()));
    }

    @Transactional(readOnly = true)
    boolean hasApiTokens(Account account) {
        return apiTokens.anyActive(account.id());
    }

    /**
     * Whoever made the reset necessary may also have made himself a token: revoking them is the
     * default, in the same transaction as the new password.
     */
    @Transactional
    boolean reset(String token, String password, boolean revokeApiTokens, String sourceAddress) {
        var used = linkTokens.use(token, LinkToken.Purpose.RESET_PASSWORD);
        if (used.isEmpty()) {
            return false;
        }
        // a link sent before an admin switched the account to its certificate opens nothing
        var account = accounts.findById(used.get().accountId())
                .filter(Account::isActive)
                .filter(Account::usesPassword);
        if (account.isEmpty()) {
            return false;
        }
        account.get().changePassword(passwordEncoder.encode(password));
        sessions.endAllBut(account.get().id(), null);
        events.publishEvent(
                new PasswordReset(account.get().id(), account.get().email().value(), sourceAddress, clock.instant()));
        if (revokeApiTokens) {
            apiTokens.revokeAll(account.get().id(), sourceAddress);
        }
        return true;
    }
}
