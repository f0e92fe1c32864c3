package fr.guichet.federation.saml;

import com.onelogin.saml2.settings.Metadata;
import com.onelogin.saml2.settings.SettingsBuilder;
import fr.guichet.account.SignInMethod;
import fr.guichet.federation.FederatedLanding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The provider posts its answer to the assertion consumer service, from its own site: no session
 * cookie comes with it. The answer is checked there, then the browser is sent on, by a top-level
 * GET that does carry the session, to collect it in the session that asked.
 */
@Controller
class SamlPages {

    private final SamlExchange exchange;
    private final FederatedLanding landing;

    SamlPages(SamlExchange exchange, FederatedLanding landing) {
        this.exchange = exchange;
        this.landing = landing;
    }

    @PostMapping(SamlExchange.ACS)
    String answer(
            @RequestParam(name = "SAMLResponse", required = false) @Nullable String samlResponse,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (samlResponse == null || samlResponse.isBlank()) {
            return "redirect:/connexion/etablissement";
        }
        var answer = exchange.answer(samlResponse, acs(request));
        // the session is never touched here, where no cookie comes: the browser's own is, on the way back
        if (answer instanceof SamlExchange.Answer.Accepted accepted) {
            return "redirect:/connexion/saml/retour?jeton=" + accepted.ticket();
        }
        var provider = answer instanceof SamlExchange.Answer.Refused refused ? refused.providerId() : -1;
        return "redirect:/connexion/saml/retour?echec=" + provider;
    }

    @GetMapping("/connexion/saml/retour")
    String collect(
            @RequestParam(name = "jeton", required = false) @Nullable String ticket,
            @RequestParam(name = "echec", required = false) @Nullable Long refusedBy,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (refusedBy != null) {
            return "redirect:" + relative(request, landing.failed(refusedBy, request, response));
        }
        var session = request.getSession(false);
        var collected = ticket == null || session == null
                ? null
                : exchange.collect(ticket, session.getId()).orElse(null);
        if (collected == null) {
            return "redirect:" + relative(request, landing.failed(-1, request, response));
        }
        return "redirect:"
                + relative(
                        request,
                        landing.land(
                                collected.providerId(), SignInMethod.SAML, collected.identity(), request, response));
    }

    /** What a federation registers the portal with: its name, and where answers are posted. */
    @GetMapping(SamlExchange.METADATA)
    ResponseEntity<String> metadata() throws Exception {
        Map<String, Object> values = new HashMap<>();
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, exchange.entityId());
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, exchange.publicAcs());
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, true);
        var settings = new SettingsBuilder().fromValues(values).build();
        settings.setSPValidationOnly(true);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .body(new Metadata(settings).getMetadataString());
    }

    /**
     * The answer's address as this request reached the portal (behind a trusted proxy, as the
     * proxy says): the request named it, and the answer must be addressed to it.
     */
    static String acs(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(SamlExchange.ACS)
                .replaceQuery(null)
                .toUriString();
    }

    private static String relative(HttpServletRequest request, String path) {
        return path.substring(request.getContextPath().length());
    }
}
