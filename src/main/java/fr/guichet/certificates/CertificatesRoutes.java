package fr.guichet.certificates;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Certificate pages are members'; whose certificates a person manages is decided per organisation by
 * each request, the agency's queue by being an agent. The API also lets connected services in with
 * their own token; its path lies in the organisations' API area, whose rule is for persons only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CertificatesRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/organisations/*/certificats", "/organisations/*/certificats/**")
                .hasRole("MEMBER")
                .requestMatchers("/agence/certificats", "/agence/certificats/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/organizations/*/encryption-certificates").hasAnyRole("MEMBER", "SERVICE");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/agence/**"));
    }
}
