package fr.guichet.federation.cas;

import fr.guichet.account.SignInMethod;
import fr.guichet.federation.AssertedIdentity;
import fr.guichet.federation.FederatedLanding;
import fr.guichet.federation.IdentityProviders;
import fr.guichet.federation.Protocol;
import fr.guichet.federation.ProviderDoor;
import fr.guichet.federation.ProviderView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.io.Serializable;
import java.net.HttpURLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apereo.cas.client.ssl.HttpURLConnectionFactory;
import org.apereo.cas.client.validation.Cas30ServiceTicketValidator;
import org.apereo.cas.client.validation.TicketValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Both ends of the CAS exchange. The return address carries a one-time value kept in the session
 * that left: a ticket someone else obtained for his own account cannot be pushed into another
 * browser to sign it in as him.
 */
@Controller
class CasSignIn implements ProviderDoor {

    static final String RETURN = "/connexion/cas/retour/";

    private static final String PENDING = CasSignIn.class.getName() + ".pending";
    private static final Logger log = LoggerFactory.getLogger(CasSignIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TIMEOUT_MILLIS = 10_000;

    private final IdentityProviders providers;
    private final FederatedLanding landing;

    CasSignIn(IdentityProviders providers, FederatedLanding landing) {
        this.providers = providers;
        this.landing = landing;
    }

    /** The one-time values of the sign-ins this session started, by provider. */
    private static final class Pending extends HashMap<Long, String> implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Protocol protocol() {
        return Protocol.CAS;
    }

    @Override
    public String entrance(ProviderView provider, HttpServletRequest request) {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var session = request.getSession();
        var pending = session.getAttribute(PENDING) instanceof Pending p ? p : new Pending();
        pending.put(provider.id(), state);
        session.setAttribute(PENDING, pending);
        return login(provider) + "?service="
                + URLEncoder.encode(service(request, provider.id(), state), StandardCharsets.UTF_8);
    }

    @GetMapping(RETURN + "{providerId}")
    String back(
            @PathVariable long providerId,
            @RequestParam(name = "ticket", required = false) @Nullable String ticket,
            @RequestParam(name = "etat", required = false) @Nullable String state,
            HttpServletRequest request,
            HttpServletResponse response) {
        var session = request.getSession(false);
        var pending = session != null && session.getAttribute(PENDING) instanceof Pending p ? p : null;
        var expected = pending == null ? null : pending.remove(providerId);
        if (pending != null) {
            session.setAttribute(PENDING, pending);
        }
        var provider = providers.enabled(providerId).filter(p -> p.protocol() == Protocol.CAS);
        if (ticket == null || state == null || !state.equals(expected) || provider.isEmpty()) {
            return "redirect:" + relative(request, landing.failed(providerId, request, response));
        }
        try {
            var validator = new Cas30ServiceTicketValidator(provider.get().casServerUrl());
            validator.setURLConnectionFactory(new WithTimeouts());
            var assertion = validator.validate(ticket, service(request, providerId, state));
            var attributes = new HashMap<String, Object>(assertion.getAttributes());
            attributes.putAll(assertion.getPrincipal().getAttributes());
            var identity = new AssertedIdentity(
                    assertion.getPrincipal().getName(),
                    first(attributes, "mail", "email"),
                    // the server vouches for the address only within its establishment's domains
                    provider.get().establishmentId() != null,
                    first(attributes, "givenName", "given_name", "prenom"),
                    first(attributes, "sn", "family_name", "nom"),
                    uai(first(attributes, "supannEtablissement")),
                    all(attributes, "eduPersonAffiliation"));
            return "redirect:"
                    + relative(request, landing.land(providerId, SignInMethod.CAS, identity, request, response));
        } catch (TicketValidationException | RuntimeException refused) {
            log.info("CAS ticket of provider {} refused: {}", providerId, refused.getMessage());
            return "redirect:" + relative(request, landing.failed(providerId, request, response));
        }
    }

    private static String login(ProviderView provider) {
        var server = provider.casServerUrl();
        return (server.endsWith("/") ? server.substring(0, server.length() - 1) : server) + "/login";
    }

    /** The return address, the same at the way out and at the validation, as CAS requires. */
    private static String service(HttpServletRequest request, long providerId, String state) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(RETURN + providerId)
                .replaceQuery(null)
                .queryParam("etat", state)
                .toUriString();
    }

    private static @Nullable String first(Map<String, Object> attributes, String... names) {
        var values = all(attributes, names);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> all(Map<String, Object> attributes, String... names) {
        for (var name : names) {
            var value = attributes.get(name);
            if (value instanceof Collection<?> many && !many.isEmpty()) {
                return many.stream().map(String::valueOf).toList();
            }
            if (value != null && !String.valueOf(value).isBlank()) {
                return List.of(String.valueOf(value));
            }
        }
        return List.of();
    }

    private static @Nullable String uai(@Nullable String value) {
        return value != null && value.startsWith("{UAI}") ? value.substring("{UAI}".length()) : value;
    }

    private static String relative(HttpServletRequest request, String path) {
        return path.substring(request.getContextPath().length());
    }

    /** A CAS server that does not answer holds a request thread for seconds, not forever. */
    private static final class WithTimeouts implements HttpURLConnectionFactory {

        @Override
        public HttpURLConnection buildHttpURLConnection(java.net.URLConnection connection) {
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            return (HttpURLConnection) connection;
        }
    }
}
