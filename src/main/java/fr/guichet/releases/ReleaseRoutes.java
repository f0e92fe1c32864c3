package fr.guichet.releases;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * A product's releases and project addresses: members only; who is correspondent of the product, and
 * who is staff, is checked by the services. The product's documents are the documents module's
 * routes, in the same area.
 */
@Component
class ReleaseRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/produits/*/livraisons",
                        "/produits/*/livraisons/**",
                        "/produits/*/adresse-projet",
                        "/produits/*/adresse-projet/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/products/*/releases", "/api/v1/products/*/releases/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/produits/**"));
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/products/**"));
    }
}
