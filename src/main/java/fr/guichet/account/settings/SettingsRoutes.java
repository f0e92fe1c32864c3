package fr.guichet.account.settings;

import fr.guichet.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * "Mon compte" is the signed-in person's, but for the link that confirms a new address: that link
 * is the proof, and it may be opened in a browser where he is not signed in.
 */
@Component
class SettingsRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/compte/email/confirmer")
                .permitAll()
                .requestMatchers("/compte", "/compte/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/me").hasRole("MEMBER");
    }
}
