package fr.guichet.federation.saml;

import fr.guichet.shared.PageSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.stereotype.Component;

/**
 * The provider's answer is a cross-site POST without the portal's CSRF token: its signature, its
 * audience and the one request it answers are what protect it.
 */
@Component
class SamlSignIn implements PageSecurity {

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.csrf(c -> c.ignoringRequestMatchers(SamlExchange.ACS));
    }
}
