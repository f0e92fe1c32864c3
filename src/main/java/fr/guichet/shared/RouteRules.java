package fr.guichet.shared;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The URL rules of one module, which the security configuration applies before its final deny-all:
 * a module adds a page or an endpoint without editing another module. Rules of different modules
 * never match the same request, so the order in which modules are applied does not matter; within a
 * module, a narrower rule comes before a broader one.
 */
public interface RouteRules {

    /** Rules of the pages' chain (session, form sign-in). */
    default void pages(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}

    /** Rules of the API's chain ({@code /api/**}, Bearer tokens). */
    default void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {}

    /**
     * The areas of the pages this module has pages in. A request there that no endpoint answers is let
     * through to whoever may enter the area and told "not found": a refusal would say a page exists.
     * Several modules may share an area, as long as they agree on who enters it.
     */
    default List<Area> pageAreas() {
        return List.of();
    }

    /** The same for the API: an unknown endpoint under these areas is "not found" for who may enter. */
    default List<Area> apiAreas() {
        return List.of();
    }

    /** A path pattern and the role that enters it. */
    record Area(String pattern, String role) {

        public static Area members(String pattern) {
            return new Area(pattern, "MEMBER");
        }

        public static Area platformAdmins(String pattern) {
            return new Area(pattern, "PLATFORM_ADMIN");
        }
    }
}
