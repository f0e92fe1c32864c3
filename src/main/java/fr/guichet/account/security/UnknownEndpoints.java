package fr.guichet.account.security;

import fr.guichet.shared.RouteRules;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.RequestPath;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Requests that reach no controller method: no mapping has both their path and their method. Under
 * an area of the portal, such a request is let through to whoever may enter the area, so that the
 * dispatcher answers what it is (404, or 405 on a known path) instead of a refusal that would say
 * a page exists there; an endpoint that exists keeps only its module's rule.
 */
final class UnknownEndpoints implements RequestMatcher {

    private record Endpoint(PathPattern path, List<HttpMethod> methods) {

        boolean answers(RequestPath path, HttpMethod method) {
            return this.path.matches(path.pathWithinApplication()) && (methods.isEmpty() || methods.contains(method));
        }
    }

    private final Supplier<List<Endpoint>> endpoints;

    UnknownEndpoints(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        // the mappings are read once the controllers are registered, after the filter chains are built
        this.endpoints = SingletonSupplier.of(() -> mappings.orderedStream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .flatMap(info -> info.getPatternValues().stream()
                        .map(pattern -> new Endpoint(
                                PathPatternParser.defaultInstance.parse(pattern),
                                info.getMethodsCondition().getMethods().stream()
                                        .map(method -> HttpMethod.valueOf(method.name()))
                                        .toList())))
                .toList());
    }

    /**
     * Lets unknown requests under each area through to the role that enters it. Two modules that
     * share an area but not its role would make the answer depend on their order: refused at startup.
     */
    void letIn(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules,
            Stream<RouteRules.Area> areas) {
        byRole(areas)
                .forEach((role, patterns) ->
                        rules.requestMatchers(under(patterns)).hasRole(role));
    }

    static Map<String, Set<String>> byRole(Stream<RouteRules.Area> areas) {
        var byRole = new TreeMap<String, Set<String>>();
        var roleOf = new HashMap<String, String>();
        areas.forEach(area -> {
            var role = roleOf.putIfAbsent(area.pattern(), area.role());
            if (role != null && !role.equals(area.role())) {
                throw new IllegalStateException(
                        "The area " + area.pattern() + " is declared for both " + role + " and " + area.role());
            }
            byRole.computeIfAbsent(area.role(), r -> new TreeSet<>()).add(area.pattern());
        });
        return byRole;
    }

    private RequestMatcher under(Set<String> areas) {
        var paths = areas.stream()
                .<RequestMatcher>map(PathPatternRequestMatcher::pathPattern)
                .toList();
        return new AndRequestMatcher(new OrRequestMatcher(paths), this);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        var path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
        var method = HttpMethod.valueOf(request.getMethod());
        return endpoints.get().stream()
                .noneMatch(endpoint -> endpoint.answers(path, method)
                        // the dispatcher answers a HEAD with the GET mapping
                        || (method == HttpMethod.HEAD && endpoint.answers(path, HttpMethod.GET)));
    }
}
