package fr.guichet.account.places;

import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** A person's places are his own: any signed-in member, and only for himself. */
@Component
class PlaceRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(PlacePages.PATH).hasRole("MEMBER");
    }
}
