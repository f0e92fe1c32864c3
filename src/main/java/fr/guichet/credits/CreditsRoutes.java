package fr.guichet.credits;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Credits pages are members'; whose credits a person reads is decided per organisation by each
 * request. The API also lets connected services in with their own token. Its path lies in the
 * organisations' API area, whose rule is for persons only: this one comes first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CreditsRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/organisations/*/points", "/organisations/*/points.csv", "/organisations/*/points/**")
                .hasRole("MEMBER")
                .requestMatchers("/agence/points")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/organizations/*/credits").hasAnyRole("MEMBER", "SERVICE");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/agence/**"));
    }
}
