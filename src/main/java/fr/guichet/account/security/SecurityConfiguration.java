package fr.guichet.account.security;

import fr.guichet.account.AbsoluteSessionTimeout;
import fr.guichet.account.AccountProperties;
import fr.guichet.account.SignInMethod;
import fr.guichet.account.SignedInPerson;
import fr.guichet.shared.ClientAddress;
import fr.guichet.shared.ErrorResponses;
import fr.guichet.shared.PageSecurity;
import fr.guichet.shared.RouteRules;
import fr.guichet.shared.ServiceBearers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/**
 * Two chains: the API (Bearer tokens only, stateless, no cookie, no CSRF) and the pages (form
 * sign-in, session, CSRF). Each module declares its own URL rules ({@link RouteRules}); this
 * configuration keeps only what belongs to no module (static assets, errors, API documentation,
 * actuator) and denies the rest: an endpoint is refused until its module allows it, and the
 * authorization matrix test lists every one. In the areas modules declare ({@code /agence/**},
 * {@code /organisations/**}…), a request no endpoint answers goes to whoever may enter the area, who
 * is told it is not found rather than refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String[] STATIC = {"/webjars/**", "/assets/**"};

    private static final String[] API_DOCUMENTATION = {
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    @Bean
    UnknownEndpoints unknownEndpoints(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        return new UnknownEndpoints(mappings);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            List<RouteRules> routes,
            UnknownEndpoints unknown,
            ApiTokens tokens,
            List<ServiceBearers> services,
            ErrorResponses errors,
            ObjectMapper json)
            throws Exception {
        var problems = new ProblemResponses(errors, json);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> {
                    routes.forEach(module -> module.api(a));
                    unknown.letIn(a, routes.stream().flatMap(module -> module.apiAreas().stream()));
                    a.anyRequest().denyAll();
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(
                        new ApiTokenFilter(tokens, services, problems.unauthorized()),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e ->
                        e.authenticationEntryPoint(problems.unauthorized()).accessDeniedHandler(problems.forbidden()))
                .headers(h ->
                        h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            List<RouteRules> routes,
            UnknownEndpoints unknown,
            AccountUserDetails userDetails,
            PasswordEncoder passwordEncoder,
            SignInThrottle throttle,
            SignIns signIns,
            AccountProperties properties,
            Clock clock,
            LocaleResolver localeResolver,
            List<PageSecurity> otherWaysIn)
            throws Exception {
        var dao = new DaoAuthenticationProvider(userDetails);
        dao.setPasswordEncoder(passwordEncoder);
        dao.setUserDetailsPasswordService(userDetails);
        var absoluteTimeout = properties.session().absoluteTimeout();
        var rememberMe = new SpringSessionRememberMeServices();
        rememberMe.setRememberMeParameterName("remember-me");
        // staying signed in outlives the idle timeout and the browser, never the absolute one
        rememberMe.setValiditySeconds(Math.toIntExact(absoluteTimeout.toSeconds()));

        http.authorizeHttpRequests(a -> {
                    a.requestMatchers(STATIC)
                            .permitAll()
                            .requestMatchers("/error")
                            .permitAll()
                            .requestMatchers(API_DOCUMENTATION)
                            .permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasRole("PLATFORM_ADMIN");
                    routes.forEach(module -> module.pages(a));
                    unknown.letIn(a, routes.stream().flatMap(module -> module.pageAreas().stream()));
                    a.anyRequest().denyAll();
                })
                // the only way in: no global manager behind it to try the password a second time
                .authenticationManager(new ProviderManager(new ThrottledAuthentication(dao, throttle)))
                .formLogin(f -> f.loginPage("/connexion")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(new SignInSuccess(signIns, localeResolver))
                        .failureHandler((request, response, exception) -> {
                            var throttled = exception instanceof SignInThrottledException;
                            signIns.failed(request.getParameter("email"), throttled, ClientAddress.of(request));
                            response.sendRedirect(
                                    request.getContextPath() + (throttled ? "/connexion?trop" : "/connexion?erreur"));
                        }))
                .rememberMe(r -> r.rememberMeServices(rememberMe))
                .logout(l -> l.logoutUrl("/deconnexion")
                        .logoutSuccessUrl("/?deconnexion")
                        .deleteCookies("GUICHET_SESSION"))
                .addFilterBefore(new AbsoluteSessionTimeout(absoluteTimeout, clock), SecurityContextHolderFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")));
        for (var way : otherWaysIn) {
            way.configure(http);
        }
        return http.build();
    }

    /**
     * Records the sign-in, then goes where the person was heading, or else to the home page: his
     * favourites and the ways into the portal, where "Mon compte" was a dead end.
     */
    static final class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignIns signIns;
        private final LocaleResolver locales;

        SignInSuccess(SignIns signIns, LocaleResolver locales) {
            this.signIns = signIns;
            this.locales = locales;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, ServletException {
            var person = (SignedInPerson) authentication.getPrincipal();
            // the DispatcherServlet has not run yet: ask the resolver, as the pages do
            signIns.succeeded(
                    person.accountId(),
                    SignInMethod.PASSWORD,
                    locales.resolveLocale(request),
                    ClientAddress.of(request));
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
