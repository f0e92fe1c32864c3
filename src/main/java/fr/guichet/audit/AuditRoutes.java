package fr.guichet.audit;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** An organisation's log: members only; the page checks who administers the organisation. */
@Component
class AuditRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/organisations/*/journal").hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/organisations/**"));
    }
}
