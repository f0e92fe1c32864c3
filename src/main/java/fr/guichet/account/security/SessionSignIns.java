package fr.guichet.account.security;

import fr.guichet.account.AccountId;
import fr.guichet.account.AccountRepository;
import fr.guichet.account.AuthenticationMethod;
import fr.guichet.account.SessionSignIn;
import fr.guichet.account.SignInMethod;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.LocaleResolver;

@Component
class SessionSignIns implements SessionSignIn {

    private final AccountRepository accounts;
    private final SignIns signIns;
    private final LocaleResolver locales;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    SessionSignIns(AccountRepository accounts, SignIns signIns, LocaleResolver locales) {
        this.accounts = accounts;
        this.signIns = signIns;
        this.locales = locales;
    }

    @Override
    @Transactional
    public String signIn(AccountId id, SignInMethod method, HttpServletRequest request, HttpServletResponse response) {
        var account = accounts.findById(id.value()).orElseThrow();
        if (!account.isActive()) {
            throw new IllegalStateException("account " + id.value() + " is " + account.status());
        }
        if (account.authentication() == AuthenticationMethod.CERTIFICATE && method != SignInMethod.CERTIFICATE) {
            // an admin chose the certificate as the only way in: the callers refuse before this
            throw new IllegalStateException("account " + id.value() + " signs in by certificate only");
        }
        var person = SignedInPerson.of(account);
        person.eraseCredentials();
        // whoever knew the session id before the sign-in must not share the signed-in session
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        signIns.succeeded(id, method, locales.resolveLocale(request), ClientAddress.of(request));
        var saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        return saved == null ? request.getContextPath() + "/" : saved.getRedirectUrl();
    }
}
