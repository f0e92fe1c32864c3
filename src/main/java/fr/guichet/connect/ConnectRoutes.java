package fr.guichet.connect;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The pages of this module: the platform admins' registration of connected services, and the
 * refusal a person without a grant meets (reached only by a forward from the authorization
 * endpoint). The authorization server's own endpoints are on a chain of their own.
 */
@Component
class ConnectRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(RefusalPages.PATH)
                .hasRole("MEMBER")
                .requestMatchers("/administration/services-connectes", "/administration/services-connectes/**")
                .hasRole("PLATFORM_ADMIN");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.platformAdmins("/administration/**"));
    }
}
