package fr.guichet.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the session. Its name is the account id, not the e-mail, so that a
 * change of address keeps the person's sessions findable.
 */
public final class SignedInPerson implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final boolean platformAdmin;
    private String passwordHash;

    SignedInPerson(long accountId, boolean platformAdmin, String passwordHash) {
        this.accountId = accountId;
        this.platformAdmin = platformAdmin;
        this.passwordHash = passwordHash;
    }

    public static SignedInPerson of(Account account) {
        return new SignedInPerson(account.id().value(), account.platformAdmin(), account.passwordHash());
    }

    static String principalName(AccountId account) {
        return Long.toString(account.value());
    }

    public AccountId accountId() {
        return new AccountId(accountId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_MEMBER"), new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_MEMBER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return principalName(accountId());
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
