package fr.guichet.account.certificate;

import fr.guichet.shared.RouteRules;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Open to anyone, like the password form: the certificate is the proof, checked by the page itself. */
@Component
class CertificateSignInRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/connexion/certificat").permitAll();
    }
}
