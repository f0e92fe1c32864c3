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
 * Finds who signs in by e-mail. Accounts not yet verified or disabled, and those that sign in only
 * through their establishment (no password), are "not found" like an unknown address: the provider
 * then spends the same hashing time, and says the same thing.
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
