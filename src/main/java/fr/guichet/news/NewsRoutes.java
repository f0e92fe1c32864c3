package fr.guichet.news;

import fr.guichet.shared.RouteRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The news are members'; which announcement a person may read is the announcement's own rule
 * (aimed at him), and writing them is for the agency's staff, checked by each request.
 */
@Component
class NewsRoutes implements RouteRules {

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/actualites", "/actualites/**", "/agence/annonces", "/agence/annonces/**")
                .hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/v1/announcements", "/api/v1/announcements/*")
                .hasRole("MEMBER")
                .requestMatchers(HttpMethod.POST, "/api/v1/announcements", "/api/v1/announcements/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        return List.of(Area.members("/actualites/**"), Area.members("/agence/**"));
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/announcements/**"));
    }
}
