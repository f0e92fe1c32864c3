package fr.guichet.organization;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The kinds of organisation are the platform's: only its admins add one. */
@Component
class OrganizationRoutes implements RouteRules {

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/v1/organization-types").hasRole("PLATFORM_ADMIN");
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/organization-types"));
    }
}
