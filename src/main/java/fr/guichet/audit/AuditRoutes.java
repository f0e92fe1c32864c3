package fr.guichet.audit;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * An organisation's log: members only; the page checks who administers the organisation. The
 * agency's: members only; the page lets only the agency's staff in.
 */
@Component
class AuditRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/organisations/*/journal",
                        "/organisations/*/journal.csv",
                        "/agence/journal",
                        "/agence/journal.csv")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/organisations/**"), Area.members("/agence/**"));
    }
}
