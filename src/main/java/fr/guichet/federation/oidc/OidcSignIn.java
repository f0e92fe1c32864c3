package fr.guichet.federation.oidc;

import fr.guichet.account.SignInMethod;
import fr.guichet.federation.AssertedIdentity;
import fr.guichet.federation.FederatedLanding;
import fr.guichet.shared.PageSecurity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Adds the OIDC sign-in to the pages' chain. {@code /connexion/oidc/{provider}} sends the browser
 * to the provider; its answer comes back to {@code /connexion/oidc/retour/{provider}}. The
 * provider's tokens are not kept: Guichet asks it who the person is, then forgets it.
 */
@Component
class OidcSignIn implements PageSecurity {

    static final String START = "/connexion/oidc";

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final OidcRegistrations registrations;
    private final FederatedLanding landing;

    OidcSignIn(OidcRegistrations registrations, FederatedLanding landing) {
        this.registrations = registrations;
        this.landing = landing;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        var defaults = new DefaultOAuth2AuthorizationRequestResolver(registrations, START);
        // PKCE for confidential clients too: a stolen code is useless without the verifier
        defaults.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        var requests = new UnknownIsNotFound(defaults);
        // the pages' chain has its own manager, for passwords only: the provider's answer is checked here
        var answers = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService()));
        http.oauth2Login(o -> o.loginPage("/connexion")
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(answers);
                        // the provider's sign-in lives for this request only: the landing decides who
                        // is in (set here: the configurer puts the chain's session repository back)
                        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
                        return filter;
                    }
                })
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NothingKept())
                .authorizationEndpoint(a -> a.authorizationRequestResolver(requests))
                .redirectionEndpoint(r -> r.baseUri(OidcRegistrations.CALLBACK + "*"))
                .successHandler(this::arrived)
                .failureHandler((request, response, exception) -> {
                    log.info("OIDC sign-in failed: {}", exception.getMessage());
                    response.sendRedirect(landing.failed(providerOf(request), request, response));
                }));
    }

    private void arrived(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws java.io.IOException {
        var token = (OAuth2AuthenticationToken) authentication;
        var user = (OidcUser) token.getPrincipal();
        var identity = new AssertedIdentity(
                user.getSubject(),
                user.getEmail(),
                Boolean.TRUE.equals(user.getEmailVerified()),
                user.getGivenName(),
                user.getFamilyName(),
                user.getClaimAsString("supannEtablissement"),
                affiliations(user));
        var providerId = Long.parseLong(token.getAuthorizedClientRegistrationId());
        response.sendRedirect(landing.land(providerId, SignInMethod.OIDC, identity, request, response));
    }

    private static List<String> affiliations(OidcUser user) {
        var claim = user.getClaimAsStringList("eduPersonAffiliation");
        return claim == null ? List.of() : claim;
    }

    private static long providerOf(HttpServletRequest request) {
        var uri = request.getRequestURI();
        try {
            return Long.parseLong(uri.substring(uri.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * An address of no provider that is on (or one whose discovery fails right then) is not found,
     * rather than the filter's error 500: the chooser says when a provider is down.
     */
    private record UnknownIsNotFound(OAuth2AuthorizationRequestResolver resolver)
            implements OAuth2AuthorizationRequestResolver {

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            try {
                return resolver.resolve(request);
            } catch (RuntimeException unknownOrDown) {
                return null;
            }
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            try {
                return resolver.resolve(request, registrationId);
            } catch (RuntimeException unknownOrDown) {
                return null;
            }
        }
    }

    /** The provider's tokens are not Guichet's business once it said who the person is. */
    private static final class NothingKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
