package fr.guichet.account;

import fr.guichet.organization.OrganizationId;
import java.time.Clock;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's API for other modules. */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * An account the platform itself vouches for (demo data, the first platform administrator):
     * active at once, its membership confirmed.
     */
    @Transactional
    public AccountId createVerified(String email, Civility civility, String lastName, String firstName,
            OrganizationId organization, boolean platformAdmin, String password) {
        var now = clock.instant();
        var account = Account.active(new EmailAddress(email), Coordinates.external(civility, lastName, firstName),
                passwordEncoder.encode(password), now);
        if (organization != null) {
            account.join(organization.value(), Membership.Status.CONFIRMED, now);
        }
        if (platformAdmin) {
            account.makePlatformAdmin();
        }
        return accounts.save(account).id();
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return EmailAddress.isValid(email) && accounts.existsByEmail(new EmailAddress(email));
    }
}
