package fr.guichet.account.erasure;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The person's own request is under "Mon compte" (members); deciding is the platform administrators'. */
@Component
class ErasureRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/administration/effacements", "/administration/effacements/**")
                .hasRole("PLATFORM_ADMIN");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.platformAdmins("/administration/**"));
    }
}
