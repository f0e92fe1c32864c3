package fr.guichet.alerts;

import fr.guichet.shared.PageSecurity;
import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The preferences are under "Mon compte" (signed-in members, by its own rule). The one-click
 * unsubscription is open to anyone holding a signed link, and its POST comes from a mail program,
 * without the portal's CSRF token: the signature is what protects it.
 */
@Component
class AlertRoutes implements RouteRules, PageSecurity {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(UnsubscribeLinks.PATH + "/**").permitAll();
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/me/preferences").hasRole("MEMBER");
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(UnsubscribeLinks.PATH + "/**"));
    }
}
