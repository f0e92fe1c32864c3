package fr.guichet.helpdesk;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Tickets and the agency's reference data: members only; who may see or do what is decided per ticket and per page. */
@Component
class HelpdeskRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/demandes",
                        "/demandes/**",
                        "/agence/demandes",
                        "/agence/demandes/**",
                        "/agence/referentiel",
                        "/agence/referentiel/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/tickets", "/api/v1/tickets/**").hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/agence/**"));
    }
}
