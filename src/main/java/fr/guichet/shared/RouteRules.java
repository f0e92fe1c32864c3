package fr.guichet.shared;

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
}
