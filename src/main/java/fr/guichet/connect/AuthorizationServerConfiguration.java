package fr.guichet.connect;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.AbsoluteSessionTimeout;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.ActingOrganization;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server, on a filter chain of its own ahead of the API's and the pages' (order
 * 0): only its endpoints (/oauth2/*, /userinfo, /connect/logout, /.well-known/*) reach it. It reads
 * the session the pages' sign-in made; a person not signed in is sent to /connexion and comes back.
 * Clients, authorizations and consents are in the database (any node serves any step).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain authorizationServer(
            HttpSecurity http,
            EnabledClients clients,
            OAuth2AuthorizationService authorizations,
            OAuth2AuthorizationConsentService consents,
            AuthorizationServerSettings settings,
            PersonClaims claims,
            ConnectedServiceRepository connected,
            ServiceCatalogue catalogue,
            ActingOrganization acting,
            AccountProperties accountProperties,
            Clock clock)
            throws Exception {
        var server = new OAuth2AuthorizationServerConfigurer();
        var authorizationEndpoint =
                PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint());
        http.securityMatcher(server.getEndpointsMatcher())
                .with(
                        server,
                        s -> s.registeredClientRepository(clients)
                                .authorizationService(authorizations)
                                .authorizationConsentService(consents)
                                .authorizationServerSettings(settings)
                                .clientAuthentication(c ->
                                        c.authenticationProviders(providers -> providers.forEach(p -> {
                                            if (p instanceof ClientSecretAuthenticationProvider secret) {
                                                secret.setPasswordEncoder(ClientSecrets.ENCODER);
                                            }
                                        })))
                                .oidc(oidc -> oidc.userInfoEndpoint(u -> u.userInfoMapper(claims::userInfo))))
                // a code is for a person signed in on the pages (ROLE_MEMBER): never for a bearer token
                // or a provider's sign-in left in a session
                .authorizeHttpRequests(a -> a.requestMatchers(authorizationEndpoint)
                        .hasRole("MEMBER")
                        .anyRequest()
                        .authenticated())
                // userinfo takes the access token the server issued, and only userinfo does
                .oauth2ResourceServer(
                        r -> r.bearerTokenResolver(userinfoOnly(settings)).jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/connexion"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .addFilterBefore(
                        new AbsoluteSessionTimeout(accountProperties.session().absoluteTimeout(), clock),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(
                        new GrantGate(authorizationEndpoint, connected, catalogue, acting),
                        SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    private static BearerTokenResolver userinfoOnly(AuthorizationServerSettings settings) {
        var userinfo = PathPatternRequestMatcher.withDefaults().matcher(settings.getOidcUserInfoEndpoint());
        var header = new DefaultBearerTokenResolver();
        return request -> userinfo.matches(request) ? header.resolve(request) : null;
    }

    @Bean
    EnabledClients registeredClients(JdbcOperations jdbc, ConnectedServiceRepository connected) {
        return new EnabledClients(new JdbcRegisteredClientRepository(jdbc), connected);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, EnabledClients clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, EnabledClients clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /** Unset, the issuer is the address each request came to: right for tests and a single address. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${guichet.connect.issuer:}") String issuer) {
        var settings = AuthorizationServerSettings.builder();
        if (!issuer.isBlank()) {
            settings.issuer(issuer.strip());
        }
        return settings.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(new JWKSet(keys.current()));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return NimbusJwtDecoder.withJwkSource(jwkSource).build();
    }
}
