package fr.guichet.knowledge;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The knowledge base and the FAQ are read by anyone, without an account; their editing is the agency's. */
@Component
class KnowledgeRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/connaissance", "/connaissance/**", "/faq", "/faq/**")
                .permitAll()
                .requestMatchers("/agence/connaissance/**", "/agence/faq", "/agence/faq/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/kb/**").permitAll();
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/agence/**"));
    }
}
