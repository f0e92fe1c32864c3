package fr.guichet.branding;

import fr.guichet.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * An organisation's home page for suppliers and its images are public (read only); its branding
 * pages are members', and each request asks whether this member manages that organisation's branding.
 */
@Component
class BrandingRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/collectivites/*", "/collectivites/*/bandeau", "/collectivites/*/logo")
                .permitAll()
                .requestMatchers("/organisations/*/gestion-graphique", "/organisations/*/gestion-graphique/**")
                .hasRole("MEMBER");
    }
}
