package fr.guichet.changes;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The correspondent's space and the agency's queue: members only; who is a correspondent of what,
 * and who is staff, is checked by the requests themselves.
 */
@Component
class ChangeRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/espace-correspondant",
                        "/espace-correspondant/**",
                        "/agence/modifications",
                        "/agence/modifications/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/change-requests", "/api/v1/change-requests/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/espace-correspondant/**"), Area.members("/agence/**"));
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/change-requests/**"));
    }
}
