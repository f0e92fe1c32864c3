package fr.guichet.account.registration;

import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Registering and the links sent by e-mail are open to anyone: they are how one gets an account or back into it. */
@Component
class RegistrationRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        "/inscription",
                        "/inscription/**",
                        "/activation",
                        "/mot-de-passe-oublie",
                        "/mot-de-passe/nouveau")
                .permitAll();
    }
}
