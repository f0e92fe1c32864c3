package fr.guichet.federation.saml;

import com.onelogin.saml2.util.Util;
import fr.guichet.federation.IdentityProviders;
import fr.guichet.federation.MetadataProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads the federation's metadata (the aggregate of its identity providers), checks that the
 * federation signed it and that it is still valid, and hands its providers to the providers' write
 * path. Metadata that fails a check changes nothing: the providers read last time stay.
 */
@Component
class FederationMetadata {

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String MDUI = "urn:oasis:names:tc:SAML:metadata:ui";
    static final String SHIBMD = "urn:mace:shibboleth:metadata:1.0";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    /** The French federation's aggregate is some tens of megabytes; more is not metadata. */
    private static final int MAX_BYTES = 200 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(FederationMetadata.class);

    private final SamlProperties properties;
    private final IdentityProviders providers;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(15))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    FederationMetadata(SamlProperties properties, IdentityProviders providers, Clock clock) {
        this.properties = properties;
        this.providers = providers;
        this.clock = clock;
    }

    /** Why metadata was not taken. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${guichet.federation.saml.federation.refresh:PT6H}")
    @SchedulerLock(name = "saml-federation-metadata", lockAtMostFor = "PT30M")
    public void refresh() {
        var federation = properties.federation();
        if (federation == null
                || federation.metadata() == null
                || federation.metadata().isBlank()) {
            return;
        }
        try {
            var imported = providers.importMetadata(read(load(federation.metadata()), certificate(federation)));
            log.info(
                    "federation metadata read: {} providers added, {} changed, {} withdrawn, {} left out",
                    imported.added(),
                    imported.changed(),
                    imported.withdrawn(),
                    imported.leftOut());
        } catch (Refused | IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("federation metadata not taken, the providers read last time stay: {}", e.getMessage());
        }
    }

    /** The providers the signed, valid metadata lists. */
    List<MetadataProvider> read(byte[] metadata, X509Certificate federation) throws Refused {
        Document document = Util.loadXML(new String(metadata, StandardCharsets.UTF_8));
        if (document == null) {
            throw new Refused("not XML, or XML with a DOCTYPE");
        }
        var root = document.getDocumentElement();
        if (!MD.equals(root.getNamespaceURI()) || !"EntitiesDescriptor".equals(root.getLocalName())) {
            throw new Refused("not a SAML EntitiesDescriptor");
        }
        signedBy(document, root, federation);
        // without an end, an old signed aggregate could be served again, with a withdrawn provider
        var validUntil = root.getAttribute("validUntil");
        if (validUntil.isBlank()) {
            throw new Refused("no validUntil");
        }
        if (!instant(validUntil).isAfter(clock.instant())) {
            throw new Refused("expired on " + validUntil);
        }
        var listed = new ArrayList<MetadataProvider>();
        var entities = root.getElementsByTagNameNS(MD, "EntityDescriptor");
        for (int i = 0; i < entities.getLength(); i++) {
            provider((Element) entities.item(i)).ifPresent(listed::add);
        }
        return listed;
    }

    /**
     * The signature is the root's own, its reference is the root, and the federation's key made it:
     * a signature of some other element (wrapping) or by another key proves nothing.
     */
    private static void signedBy(Document document, Element root, X509Certificate federation) throws Refused {
        Element signature = null;
        for (var child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && DS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                signature = e;
            }
        }
        if (signature == null) {
            throw new Refused("not signed");
        }
        var references = signature.getElementsByTagNameNS(DS, "Reference");
        var id = root.getAttribute("ID");
        if (references.getLength() != 1) {
            throw new Refused("the signature has more than one reference");
        }
        var uri = ((Element) references.item(0)).getAttribute("URI");
        if (!id.isEmpty()) {
            // the reference is resolved by ID: the root's is the one it may name
            root.setIdAttribute("ID", true);
        }
        if (!(uri.isEmpty() || (!id.isEmpty() && uri.equals("#" + id)))) {
            throw new Refused("the signature is not the whole metadata's");
        }
        if (!Util.validateSignNode(signature, federation, null, null)) {
            throw new Refused("the federation's signature does not verify");
        }
    }

    private static Optional<MetadataProvider> provider(Element entity) {
        var idp = first(entity, MD, "IDPSSODescriptor");
        if (idp == null) {
            return Optional.empty();
        }
        String sso = null;
        var services = idp.getElementsByTagNameNS(MD, "SingleSignOnService");
        for (int i = 0; i < services.getLength(); i++) {
            var service = (Element) services.item(i);
            if (REDIRECT.equals(service.getAttribute("Binding"))) {
                sso = service.getAttribute("Location");
                break;
            }
        }
        String certificate = null;
        var keys = idp.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keys.getLength() && certificate == null; i++) {
            var key = (Element) keys.item(i);
            if (key.getAttribute("use").isEmpty() || "signing".equals(key.getAttribute("use"))) {
                var x509 = first(key, DS, "X509Certificate");
                certificate = x509 == null ? null : x509.getTextContent().replaceAll("\\s+", "");
            }
        }
        if (sso == null || sso.isBlank() || certificate == null) {
            return Optional.empty();
        }
        var scopes = new ArrayList<String>();
        var scopeElements = idp.getElementsByTagNameNS(SHIBMD, "Scope");
        for (int i = 0; i < scopeElements.getLength(); i++) {
            var scope = (Element) scopeElements.item(i);
            if (!"true".equals(scope.getAttribute("regexp"))) {
                scopes.add(scope.getTextContent().strip());
            }
        }
        var entityId = entity.getAttribute("entityID");
        return Optional.of(new MetadataProvider(entityId, name(entity, idp, entityId), sso, certificate, scopes));
    }

    /** The name people know it by: its French display name, else its English one, else its organisation's. */
    private static String name(Element entity, Element idp, String entityId) {
        var names = idp.getElementsByTagNameNS(MDUI, "DisplayName");
        String english = null;
        for (int i = 0; i < names.getLength(); i++) {
            var name = (Element) names.item(i);
            var lang = name.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
            if ("fr".equals(lang)) {
                return name.getTextContent().strip();
            }
            if (english == null) {
                english = name.getTextContent().strip();
            }
        }
        if (english != null) {
            return english;
        }
        var organization = first(entity, MD, "OrganizationDisplayName");
        return organization != null ? organization.getTextContent().strip() : entityId;
    }

    private static @Nullable Element first(Element parent, String namespace, String name) {
        var found = parent.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    private static Instant instant(String value) throws Refused {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused("unreadable validUntil " + value);
        }
    }

    private byte[] load(String location) throws IOException, InterruptedException, Refused {
        if (location.startsWith("http://")) {
            throw new Refused("metadata is read over https only");
        }
        if (location.startsWith("https://")) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .timeout(Duration.ofMinutes(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Refused(location + " answered " + response.statusCode());
            }
            return limited(response.body());
        }
        var path = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        if (Files.size(path) > MAX_BYTES) {
            throw new Refused("larger than " + MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
    }

    private static byte[] limited(byte[] bytes) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw new Refused("larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    private static X509Certificate certificate(SamlProperties.Federation federation) throws IOException, Refused {
        var text = federation.certificate();
        if (text == null || text.isBlank()) {
            throw new Refused(
                    "guichet.federation.saml.federation.certificate is not set: unsigned metadata is never taken");
        }
        if (!text.contains("-----BEGIN") && Files.isRegularFile(Path.of(text))) {
            text = Files.readString(Path.of(text));
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new Refused("the federation's certificate is unreadable");
        }
    }
}
