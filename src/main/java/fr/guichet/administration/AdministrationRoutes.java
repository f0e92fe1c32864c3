package fr.guichet.administration;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The organisation pages and API: members only; who may do what where is decided by the delegated rights. */
@Component
class AdministrationRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/mon-etablissement",
                        "/organisations",
                        "/organisations/*",
                        "/organisations/*/modifier",
                        "/organisations/*/suppression",
                        "/organisations/*/sous-organisations/**",
                        "/organisations/*/utilisateurs",
                        "/organisations/*/utilisateurs/**",
                        "/organisations/*/intervenants",
                        "/organisations/*/administrateurs",
                        "/organisations/*/super-admins",
                        "/organisations/*/super-admins/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/organizations", "/api/v1/organizations/**")
                .hasRole("MEMBER")
                .requestMatchers(HttpMethod.GET, "/api/v1/organization-types")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/organisations/**"));
    }
}
