package fr.guichet.federation;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signing in through one's establishment is open to anyone (it is a way in); the protocols'
 * own addresses are answered by their filters before these rules. Tying an identity is the signed-in
 * person's; the providers are the platform admins'.
 */
@Component
class FederationRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/connexion/etablissement",
                        "/connexion/etablissement/**",
                        "/connexion/oidc/**",
                        "/connexion/saml/**",
                        "/connexion/cas/**")
                .permitAll()
                .requestMatchers("/compte/identites", "/compte/identites/**")
                .hasRole("MEMBER")
                .requestMatchers(ProviderAdminPages.ROOT, ProviderAdminPages.ROOT + "/**")
                .hasRole("PLATFORM_ADMIN");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.platformAdmins("/administration/**"));
    }
}
