package fr.guichet.connect;

import fr.guichet.access.ServiceCatalogue;
import fr.guichet.access.ServiceId;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Associations;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a connected service is told about the person: for which organisation he acts ({@code
 * organization}), his roles in that service there ({@code roles}) and his grant ({@code grant}).
 * Read afresh at every token and userinfo request, so that a refresh carries today's roles, and a
 * revoked grant ends the refreshes. The acting organisation is the one chosen when he signed in to
 * the service: it travels with the authorization as an authority of its own.
 */
@Component
class PersonClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ORGANIZATION_AUTHORITY = "GUICHET_ORGANIZATION_";

    private final ConnectedServiceRepository connected;
    private final ServiceCatalogue catalogue;
    private final Delegation delegation;
    private final Organizations organizations;
    private final Accounts accounts;
    private final Associations associations;

    PersonClaims(
            ConnectedServiceRepository connected,
            ServiceCatalogue catalogue,
            Delegation delegation,
            Organizations organizations,
            Accounts accounts,
            Associations associations) {
        this.accounts = accounts;
        this.connected = connected;
        this.catalogue = catalogue;
        this.delegation = delegation;
        this.organizations = organizations;
        this.associations = associations;
    }

    static GrantedAuthority actingAs(OrganizationId organization) {
        return new SimpleGrantedAuthority(ORGANIZATION_AUTHORITY + organization.value());
    }

    static Optional<OrganizationId> actingOrganizationOf(Authentication principal) {
        return principal.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ORGANIZATION_AUTHORITY))
                .map(a -> new OrganizationId(Long.parseLong(a.substring(ORGANIZATION_AUTHORITY.length()))))
                .findFirst();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            // the service acting for itself: the API tells its tokens from a person's by this
            context.getClaims().claim(ServiceTokens.CALLER_CLAIM, ServiceTokens.SERVICE);
            return;
        }
        var idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!idToken && !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        var claims = of(context.getRegisteredClient().getId(), context.getPrincipal());
        context.getClaims().claims(c -> c.putAll(claims));
    }

    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        var authorization = context.getAuthorization();
        Authentication principal = authorization.getAttribute(Principal.class.getName());
        if (principal == null) {
            throw refused();
        }
        var claims = new LinkedHashMap<String, Object>();
        claims.put("sub", authorization.getPrincipalName());
        claims.putAll(of(authorization.getRegisteredClientId(), principal));
        var scopes = authorization.getAuthorizedScopes();
        accounts.find(new AccountId(Long.parseLong(authorization.getPrincipalName())))
                .ifPresent(person -> {
                    if (scopes.contains(OidcScopes.EMAIL)) {
                        claims.put("email", person.email());
                        claims.put("email_verified", true);
                    }
                    if (scopes.contains(OidcScopes.PROFILE)) {
                        claims.put("name", person.displayName());
                        claims.put("given_name", person.firstName());
                        claims.put("family_name", person.lastName());
                    }
                });
        return new OidcUserInfo(claims);
    }

    /** The three claims, or a refusal when the person no longer holds a grant for the client's service. */
    @Transactional(readOnly = true)
    Map<String, Object> of(String registeredClientId, Authentication principal) {
        var service = connected
                .findByRegisteredClientId(registeredClientId)
                .flatMap(c -> catalogue.find(new ServiceId(c.serviceId())))
                .orElseThrow(PersonClaims::refused);
        var person = new AccountId(Long.parseLong(principal.getName()));
        var grant = catalogue.grantOf(person, service.id()).orElseThrow(PersonClaims::refused);
        var claims = new LinkedHashMap<String, Object>();
        var since = grant.decidedAt() == null ? grant.requestedAt() : grant.decidedAt();
        // maps, lists and strings only: the claims are stored with the authorization, and read back
        // by a JSON mapper that refuses other types inside a claim (a Long, an immutable Map.of); ids
        // are strings, as subjects are
        var granted = new LinkedHashMap<String, Object>();
        granted.put("id", String.valueOf(grant.id().value()));
        granted.put("since", since.toString());
        claims.put("grant", granted);
        var roles = new ArrayList<String>();
        actingOrganizationOf(principal)
                // one he may act for still: not a membership he only asked for, nor one he left since
                .filter(organization -> associations.actable(person).contains(organization))
                .flatMap(organizations::find)
                .ifPresent(organization -> {
                    var acting = new LinkedHashMap<String, Object>();
                    acting.put("id", String.valueOf(organization.id().value()));
                    acting.put("name", organization.name());
                    claims.put("organization", acting);
                    roles.addAll(delegation.rolesOf(person, organization.id(), service.code()));
                });
        claims.put("roles", roles);
        return claims;
    }

    private static OAuth2AuthenticationException refused() {
        return new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.INVALID_GRANT, "The person holds no grant for this service any more.", null));
    }
}
