package fr.guichet.documents;

import fr.guichet.shared.RouteRules;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every kind of owner's spaces (where {@code guichet.documents.space-links} puts them): members only;
 * who reads and who writes is the owner's audience. The API serves services' spaces.
 */
@Component
class DocumentRoutes implements RouteRules {

    private final DocumentsProperties properties;

    DocumentRoutes(DocumentsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        var patterns = properties.spacePatterns().stream()
                .flatMap(space -> Stream.of(space, space + "/**"))
                .toArray(String[]::new);
        rules.requestMatchers(patterns).hasRole("MEMBER");
    }

    @Override
    public void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers("/api/v1/services/*/documents", "/api/v1/services/*/documents/**")
                .hasRole("MEMBER");
    }

    @Override
    public List<Area> pageAreas() {
        // "/services/*/documents" → "/services/**": the section is the area
        return properties.spacePatterns().stream()
                .map(space -> Area.members(space.substring(0, space.indexOf("/*/")) + "/**"))
                .toList();
    }

    @Override
    public List<Area> apiAreas() {
        return List.of(Area.members("/api/v1/services/**"));
    }
}
