package fr.guichet.federation.saml;

import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import com.onelogin.saml2.util.Util;
import fr.guichet.federation.AssertedIdentity;
import fr.guichet.federation.IdentityProviders;
import fr.guichet.federation.Protocol;
import fr.guichet.federation.ProviderView;
import fr.guichet.shared.PublicAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's side of Web SSO: the request it sends, the answer it accepts (once, for that request,
 * signed by the provider's certificate, for this portal, within its validity), and the hand-over to
 * the browser that asked.
 */
@Service
class SamlExchange {

    static final String ACS = "/connexion/saml/acs";
    static final String METADATA = "/connexion/saml/metadata";

    private static final Logger log = LoggerFactory.getLogger(SamlExchange.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SamlRequestRepository requests;
    private final IdentityProviders providers;
    private final PublicAddress address;
    private final SamlProperties properties;
    private final Clock clock;

    SamlExchange(
            SamlRequestRepository requests,
            IdentityProviders providers,
            PublicAddress address,
            SamlProperties properties,
            Clock clock) {
        this.requests = requests;
        this.providers = providers;
        this.address = address;
        this.properties = properties;
        this.clock = clock;
    }

    String entityId() {
        var configured = properties.entityId();
        return configured == null || configured.isBlank() ? address.link(METADATA) : configured;
    }

    /** The provider's sign-in address with the request, by the redirect binding. */
    @Transactional
    String start(ProviderView provider, String sessionId, String acs) throws java.io.IOException {
        var request = new AuthnRequest(settings(provider, acs));
        requests.save(new SamlRequest(request.getId(), provider.id(), hash(sessionId), clock.instant()));
        var sso = provider.samlSsoUrl();
        return sso + (sso.contains("?") ? "&" : "?") + "SAMLRequest="
                + URLEncoder.encode(request.getEncodedAuthnRequest(), StandardCharsets.UTF_8);
    }

    /** What became of a posted answer: a ticket for the browser to collect, or why it was refused. */
    sealed interface Answer {
        record Accepted(String ticket) implements Answer {}

        record Refused(long providerId) implements Answer {}

        record Unknown() implements Answer {}
    }

    /**
     * Checks the posted answer against the request it says it answers. Whatever the outcome, that
     * request is done with: the same answer posted again finds nothing to answer.
     */
    @Transactional
    Answer answer(String samlResponse, String acs) {
        var inResponseTo = inResponseTo(samlResponse);
        if (inResponseTo == null) {
            return new Answer.Unknown();
        }
        var now = clock.instant();
        var pending = requests.lock(inResponseTo).filter(r -> r.awaitsAnswer(now));
        if (pending.isEmpty()) {
            log.info("SAML answer to an unknown, expired or already answered request refused");
            return new Answer.Unknown();
        }
        var request = pending.get();
        var provider = providers.enabled(request.providerId()).filter(p -> p.protocol() == Protocol.SAML);
        if (provider.isEmpty()) {
            request.refused(now);
            return new Answer.Refused(request.providerId());
        }
        try {
            var params = new HashMap<String, List<String>>();
            params.put("SAMLResponse", List.of(samlResponse));
            var response = new SamlResponse(settings(provider.get(), acs), new HttpRequest(acs, params, null));
            if (!response.isValid(inResponseTo)) {
                log.info(
                        "SAML answer of provider {} refused: {}", provider.get().id(), response.getError());
                request.refused(now);
                return new Answer.Refused(request.providerId());
            }
            var attributes = SamlAttributes.of(response.getAttributes());
            var subject = subject(attributes, response);
            if (subject == null || subject.isBlank()) {
                request.refused(now);
                return new Answer.Refused(request.providerId());
            }
            var ticket = randomTicket();
            request.answered(
                    hash(ticket),
                    cut(subject, 500),
                    cut(attributes.mail(), 254),
                    cut(attributes.givenName(), 200),
                    cut(attributes.surname(), 200),
                    cut(attributes.uai(), 50),
                    cut(String.join(" ", attributes.affiliations()), 1000),
                    now);
            return new Answer.Accepted(ticket);
        } catch (Exception unreadable) {
            log.info("SAML answer of provider {} unreadable: {}", request.providerId(), unreadable.toString());
            request.refused(now);
            return new Answer.Refused(request.providerId());
        }
    }

    record Collected(long providerId, AssertedIdentity identity) {}

    /** The answer, for the browser whose session sent the request, once. */
    @Transactional
    Optional<Collected> collect(String ticket, String sessionId) {
        var now = clock.instant();
        return requests.lockByTicket(hash(ticket))
                .filter(r -> r.collectableBy(hash(sessionId), now))
                .map(r -> {
                    r.collected(now);
                    var provider = providers.find(r.providerId()).orElseThrow();
                    // the provider vouches for the address only within its establishment's domains
                    var vouched = provider.establishmentId() != null;
                    var affiliations =
                            r.affiliations() == null || r.affiliations().isBlank()
                                    ? List.<String>of()
                                    : Arrays.asList(r.affiliations().split(" "));
                    return new Collected(
                            r.providerId(),
                            new AssertedIdentity(
                                    r.subject(),
                                    r.email(),
                                    vouched,
                                    r.givenName(),
                                    r.familyName(),
                                    r.uai(),
                                    affiliations));
                });
    }

    /**
     * A request is answered within 15 minutes and collected 2 minutes later, or never: an hour on,
     * its row goes (anyone may start requests, so they must not pile up).
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldRequests() {
        requests.deleteCreatedBefore(clock.instant().minus(Duration.ofHours(1)));
    }

    /** Where the public learns answers are posted; a request names the address it was made on. */
    String publicAcs() {
        return address.link(ACS);
    }

    private Saml2Settings settings(ProviderView provider, String acs) {
        Map<String, Object> values = new HashMap<>();
        values.put(SettingsBuilder.STRICT_PROPERTY_KEY, true);
        values.put(SettingsBuilder.SP_ENTITYID_PROPERTY_KEY, entityId());
        values.put(SettingsBuilder.SP_ASSERTION_CONSUMER_SERVICE_URL_PROPERTY_KEY, acs);
        values.put(
                SettingsBuilder.SP_NAMEIDFORMAT_PROPERTY_KEY, "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        values.put(SettingsBuilder.IDP_ENTITYID_PROPERTY_KEY, provider.samlEntityId());
        values.put(SettingsBuilder.IDP_SINGLE_SIGN_ON_SERVICE_URL_PROPERTY_KEY, provider.samlSsoUrl());
        values.put(SettingsBuilder.IDP_X509CERT_PROPERTY_KEY, provider.samlCertificate());
        values.put(SettingsBuilder.SECURITY_WANT_ASSERTIONS_SIGNED, true);
        values.put(SettingsBuilder.SECURITY_REJECT_DEPRECATED_ALGORITHM, true);
        values.put(SettingsBuilder.SECURITY_AUTHREQUEST_SIGNED, false);
        values.put(SettingsBuilder.SECURITY_WANT_NAMEID, false);
        values.put(SettingsBuilder.SECURITY_REJECT_UNSOLICITED_RESPONSES_WITH_INRESPONSETO, true);
        // providers repeat an attribute for each of its values (Keycloak's roles, some Shibboleths)
        values.put(SettingsBuilder.SECURITY_ALLOW_REPEAT_ATTRIBUTE_NAME_PROPERTY_KEY, true);
        return new SettingsBuilder().fromValues(values).build();
    }

    /**
     * The person's stable name at the provider: his eduPersonPrincipalName, else a persistent (or
     * unspecified) NameID, marked as such so that it never reads as someone's principal name. A
     * transient NameID changes at every sign-in: it names nobody.
     */
    private static @Nullable String subject(SamlAttributes attributes, SamlResponse response) throws Exception {
        if (attributes.principalName() != null) {
            return attributes.principalName();
        }
        var format = response.getNameIdFormat();
        var nameId = response.getNameId();
        if (nameId == null || "urn:oasis:names:tc:SAML:2.0:nameid-format:transient".equals(format)) {
            return null;
        }
        return "nameid:" + nameId;
    }

    /** The id of the request the answer names, read before anything else is trusted of it. */
    private static @Nullable String inResponseTo(String samlResponse) {
        try {
            var xml = new String(Base64.getMimeDecoder().decode(samlResponse), StandardCharsets.UTF_8);
            var document = Util.loadXML(xml);
            if (document == null) {
                return null;
            }
            var id = document.getDocumentElement().getAttribute("InResponseTo");
            return id == null || id.isBlank() || id.length() > 100 ? null : id;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String randomTicket() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
