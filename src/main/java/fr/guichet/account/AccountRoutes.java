package fr.guichet.account;

import fr.guichet.shared.RouteRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Signing in, registering and the links sent by e-mail are open to anyone, since they are how one
 * gets an account or back into it; "Mon compte" is the signed-in person's.
 */
@Component
class AccountRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/connexion",
                        "/inscription",
                        "/inscription/**",
                        "/activation",
                        "/mot-de-passe-oublie",
                        "/mot-de-passe/nouveau",
                        "/compte/email/confirmer",
                        "/invitations/rejoindre")
                .permitAll()
                .requestMatchers("/compte", "/compte/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/me").hasRole("MEMBER");
    }
}
