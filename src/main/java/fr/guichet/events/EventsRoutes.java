package fr.guichet.events;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Events are members' pages, organising them is decided per request by being an agent, the approvals
 * per establishment; the check of a certificate's code is public (whoever holds the paper is not
 * necessarily a member).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventsRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/attestations/verification")
                .permitAll()
                .requestMatchers("/evenements", "/evenements/**", "/mes-inscriptions", "/mes-inscriptions/**")
                .hasRole("MEMBER")
                .requestMatchers("/agence/evenements", "/agence/evenements/**")
                .hasRole("MEMBER")
                .requestMatchers(
                        "/organisations/*/inscriptions-evenements",
                        "/organisations/*/inscriptions-evenements/**",
                        "/organisations/*/statistiques-evenements",
                        "/organisations/*/statistiques-evenements.csv")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(
                Area.members("/evenements/**"), Area.members("/mes-inscriptions/**"), Area.members("/agence/**"));
    }
}
