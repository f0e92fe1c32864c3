package fr.guichet.documents;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A service's documents: members only; who reads and who writes is the owner's audience. */
@Component
class DocumentRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/services/*/documents", "/services/*/documents/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/services/*/documents", "/api/v1/services/*/documents/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/services/**"));
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/services/**"));
    }
}
