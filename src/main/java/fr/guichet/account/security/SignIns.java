package fr.guichet.account.security;

import fr.guichet.account.Account;
import fr.guichet.account.AccountId;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.SignInMethod;
import fr.guichet.account.events.SignInFailed;
import fr.guichet.account.events.SignInSucceeded;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records sign-ins, successful or not, for the person's "last sign-in" and the audit trail. */
@Service
class SignIns {

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignIns(AccountRepository accounts, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void succeeded(AccountId id, SignInMethod method, Locale locale, String sourceAddress) {
        var now = clock.instant();
        // e-mails follow the language the person last used
        accounts.recordSignIn(id.value(), now, locale.getLanguage());
        var email = accounts.findById(id.value()).orElseThrow().email().value();
        events.publishEvent(new SignInSucceeded(id, email, method, sourceAddress, now));
    }

    @Transactional
    void failed(String typedEmail, boolean throttled, String sourceAddress) {
        var email = EmailAddress.normalize(typedEmail);
        var account = EmailAddress.isValid(email)
                ? accounts.findByEmail(email).map(Account::id).orElse(null)
                : null;
        var target = email.length() > 254 ? email.substring(0, 254) : email;
        events.publishEvent(new SignInFailed(account, target, throttled, sourceAddress, clock.instant()));
    }
}
