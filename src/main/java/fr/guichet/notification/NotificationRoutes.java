package fr.guichet.notification;

import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The local mailbox page: open to anyone where it exists, since it exists only where no mail leaves the machine. */
@Component
class NotificationRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/dev/mailbox", "/dev/mailbox/pieces-jointes/*").permitAll();
    }
}
