package fr.guichet.account.invitations;

import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The invitation's link is the proof, as a password reset's is: open to anyone who holds it. */
@Component
class InvitationRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/invitations/rejoindre").permitAll();
    }
}
