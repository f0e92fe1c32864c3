package fr.guichet.access;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The home page is everyone's; the catalogue and the requests are members'; the catalogue's editing is
 * the platform admins'. Which establishment one decides for is checked by the pages.
 */
@Component
class AccessRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/")
                .permitAll()
                .requestMatchers(
                        "/services",
                        "/services/*",
                        "/services/*/demande",
                        "/services/*/favori",
                        "/mes-services",
                        "/agence/demandes-acces",
                        "/agence/demandes-acces/**",
                        "/organisations/*/demandes-acces",
                        "/organisations/*/demandes-acces/**",
                        "/organisations/*/habilitations",
                        "/organisations/*/services",
                        "/organisations/*/services/**",
                        "/organisations/*/outils",
                        "/organisations/*/outils/**")
                .hasRole("MEMBER")
                .requestMatchers("/administration/services", "/administration/services/**")
                .hasRole("PLATFORM_ADMIN");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/services")
                .hasRole("PLATFORM_ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/v1/services/*")
                .hasRole("PLATFORM_ADMIN")
                .requestMatchers(
                        "/api/v1/services",
                        "/api/v1/services/*",
                        "/api/v1/access-requests",
                        "/api/v1/access-requests/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(
                Area.members("/services/**"),
                Area.members("/organisations/**"),
                Area.members("/agence/**"),
                Area.platformAdmins("/administration/**"));
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/services/**"));
    }
}
