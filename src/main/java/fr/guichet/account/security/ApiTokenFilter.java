package fr.guichet.account.security;

import fr.guichet.shared.ServiceBearers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer tokens for the API: a person's personal token, or a connected service's own access token
 * (a JWT); a present but unknown, revoked or expired token is a 401 at once.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final List<ServiceBearers> services;
    private final AuthenticationEntryPoint entryPoint;

    ApiTokenFilter(ApiTokens tokens, List<ServiceBearers> services, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.services = services;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var token = header.substring(7).strip();
        // a personal token is opaque, a service's is a JWT: each is looked for only where it can be
        var authentication = jwt(token)
                ? service(token)
                : tokens.authenticate(token)
                        .<Authentication>map(
                                p -> UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        if (authentication.isEmpty()) {
            entryPoint.commence(request, response, new InsufficientAuthenticationException("bad token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Three dot-separated parts: a JWT, which only a connected service is given. */
    private static boolean jwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    private Optional<Authentication> service(String token) {
        return services.stream()
                .flatMap(s -> s.authenticate(token).stream())
                .findFirst()
                .map(caller -> {
                    var authorities = new ArrayList<GrantedAuthority>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_SERVICE"));
                    caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
                    return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
                });
    }
}
