package fr.guichet.statistics;

import fr.guichet.shared.RouteRules;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The statistics pages: members only, who sees which organisation's is decided per page. The push
 * endpoint: connected services only (a person's token, whatever his rights, is refused); it lies
 * under the organisations' API, whose members-only rule must not take it first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StatisticsRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/organisations/*/statistiques",
                        "/organisations/*/statistiques.csv",
                        "/agence/statistiques",
                        "/agence/statistiques.csv")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/organizations/*/statistics").hasRole("SERVICE");
    }
}
