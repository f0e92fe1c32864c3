package fr.guichet.account.security;

import fr.guichet.account.Account;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.SignedInPerson;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds who signs in by e-mail. Accounts not yet verified or disabled, those that sign in only
 * through their establishment (no password) and those an admin set to sign in by certificate, are
 * "not found" like an unknown address: the provider then spends the same hashing time, and says the
 * same thing as for a wrong password.
 */
@Component
class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final AccountRepository accounts;

    AccountUserDetails(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        if (!EmailAddress.isValid(email)) {
            throw new UsernameNotFoundException("no account");
        }
        return accounts.findByEmail(new EmailAddress(email))
                .filter(Account::isActive)
                .filter(account -> account.passwordHash() != null)
                // switching to a certificate forgets the password already; asking the method too means
                // that no hash which would reappear (a reset link of before, an upgrade) reopens the form
                .filter(Account::usesPassword)
                .map(SignedInPerson::of)
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    /** Called at sign-in when the stored hash uses an older algorithm or cost. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        var person = (SignedInPerson) user;
        var account = accounts.findById(person.accountId().value()).orElseThrow();
        account.changePassword(newPasswordHash);
        return SignedInPerson.of(account);
    }
}
