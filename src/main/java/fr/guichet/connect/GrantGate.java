package fr.guichet.connect;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.account.ActingOrganization;
import fr.guichet.account.SignedInPerson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the authorization endpoint. A signed-in person who holds no grant for the client's
 * service is shown why, with the catalogue's link to ask for it (HTTP 403), instead of being sent back
 * to the service with a bare "access_denied". For the others, the endpoint sees the person as the
 * authorization will keep him: his account id and the organisation he acts for, nothing of the
 * session's principal (which the authorization server could not store, and need not).
 */
class GrantGate extends OncePerRequestFilter {

    private final RequestMatcher authorizationEndpoint;
    private final ConnectedServiceRepository connected;
    private final ServiceCatalogue catalogue;
    private final ActingOrganization acting;

    GrantGate(
            RequestMatcher authorizationEndpoint,
            ConnectedServiceRepository connected,
            ServiceCatalogue catalogue,
            ActingOrganization acting) {
        this.authorizationEndpoint = authorizationEndpoint;
        this.connected = connected;
        this.catalogue = catalogue;
        this.acting = acting;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var original = SecurityContextHolder.getContext();
        var authentication = original.getAuthentication();
        if (!authorizationEndpoint.matches(request)
                || authentication == null
                || !(authentication.getPrincipal() instanceof SignedInPerson person)) {
            chain.doFilter(request, response);
            return;
        }
        var clientId = request.getParameter("client_id");
        var service = clientId == null
                ? null
                : connected
                        .findByClientId(clientId)
                        .filter(ConnectedService::enabled)
                        .flatMap(c -> catalogue.find(new ServiceId(c.serviceId())))
                        .orElse(null);
        if (service != null
                && catalogue.grantOf(person.accountId(), service.id()).isEmpty()) {
            request.setAttribute(RefusalPages.SERVICE, service);
            request.getRequestDispatcher(RefusalPages.PATH).forward(request, response);
            return;
        }
        var authorities = new ArrayList<GrantedAuthority>(authentication.getAuthorities());
        acting.of(person.accountId(), request.getSession(false))
                .ifPresent(organization -> authorities.add(PersonClaims.actingAs(organization)));
        var slim = UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(slim);
        // for this request only: the session keeps the signed-in person as the pages know him
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(original);
        }
    }
}
