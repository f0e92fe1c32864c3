package fr.guichet.account.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Refuses sign-in while throttled, before any password is checked; counts each failure. */
class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final SignInThrottle throttle;

    ThrottledAuthentication(AuthenticationProvider delegate, SignInThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = authentication.getName();
        var address =
                authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "-";
        if (throttle.isThrottled(email, address)) {
            throw new SignInThrottledException();
        }
        try {
            return delegate.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(email, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
