package fr.guichet.federation.saml;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.federation.IdentityProviders;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.Keycloak;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A federation's metadata, signed at test time by a federation key made for the test, listing the
 * test's Keycloak realm as one of its identity providers: read, checked, imported, and signed in
 * through; and the metadata a forger or time would spoil, refused.
 */
@ServerTest
@ExtendWith(Keycloak.class)
class FederationMetadataTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityProviders providers;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theProvidersOfSignedMetadataAreImportedTiedToTheirEstablishmentAndSignPeopleIn() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, null, Set.of(domain));
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var entityId = Keycloak.realmUrl() + "?" + domain;
        var metadata =
                signed(aggregate(entityId, "Université " + domain + " (fédération)", domain, validFor(7)), federation);

        var imported = providers.importMetadata(reader().read(metadata, federation.certificate()));

        assertThat(imported.added()).isEqualTo(1);
        var id = jdbc.sql("select id from identity_provider where saml_entity_id = ?")
                .param(entityId)
                .query(Long.class)
                .single();
        var provider = providers.find(id).orElseThrow();
        assertThat(provider.establishmentId()).isEqualTo(establishment.value());
        assertThat(provider.fromMetadata()).isTrue();
        var chooser = Jsoup.parse(new HttpVisitor(port)
                .get("/connexion/etablissement?q=" + domain)
                .body());
        assertThat(chooser.select("[data-testid=providers]").text()).contains("Université " + domain + " (fédération)");

        // the same metadata again changes nothing
        assertThat(providers.importMetadata(reader().read(metadata, federation.certificate())))
                .isEqualTo(new IdentityProviders.Imported(0, 0, 0, 0));
    }

    @Test
    void aProviderTheMetadataNoLongerListsIsTurnedOff() throws Exception {
        var domain = People.uniqueDomain();
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var entityId = "https://idp." + domain + "/idp/shibboleth";
        providers.importMetadata(reader().read(
                        signed(aggregate(entityId, "Partante", domain, validFor(7)), federation),
                        federation.certificate()));

        var later = providers.importMetadata(reader().read(
                        signed(
                                aggregate("https://idp.other-" + domain + "/idp", "Autre", domain, validFor(7)),
                                federation),
                        federation.certificate()));

        assertThat(later.withdrawn()).isGreaterThanOrEqualTo(1);
        var enabled = jdbc.sql("select enabled from identity_provider where saml_entity_id = ?")
                .param(entityId)
                .query(Boolean.class)
                .single();
        assertThat(enabled).isFalse();

        // listed again: back on
        providers.importMetadata(reader().read(
                        signed(aggregate(entityId, "Partante", domain, validFor(7)), federation),
                        federation.certificate()));
        assertThat(jdbc.sql("select enabled from identity_provider where saml_entity_id = ?")
                        .param(entityId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void metadataAForgerTouchedIsRefused() throws Exception {
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var metadata = new String(
                        signed(
                                aggregate("https://idp.example.test/idp", "Honnête", "example.test", validFor(7)),
                                federation),
                        StandardCharsets.UTF_8)
                .replace("https://idp.example.test/idp/profile/SAML2/Redirect/SSO", "https://evil.test/sso");

        assertThatThrownBy(() -> reader().read(metadata.getBytes(StandardCharsets.UTF_8), federation.certificate()))
                .isInstanceOf(FederationMetadata.Refused.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void metadataSignedByAnotherKeyIsRefused() throws Exception {
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var impostor = TestCertificates.rsaSigner("Imposteur");

        assertThatThrownBy(() -> reader().read(
                                signed(
                                        aggregate("https://idp.example.test/idp", "X", "example.test", validFor(7)),
                                        impostor),
                                federation.certificate()))
                .isInstanceOf(FederationMetadata.Refused.class);
    }

    @Test
    void unsignedOrExpiredMetadataIsRefused() throws Exception {
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var unsigned = aggregate("https://idp.example.test/idp", "X", "example.test", validFor(7));
        var expired = signed(aggregate("https://idp.example.test/idp", "X", "example.test", validFor(-1)), federation);

        assertThatThrownBy(() -> reader().read(unsigned.getBytes(StandardCharsets.UTF_8), federation.certificate()))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> reader().read(expired, federation.certificate()))
                .hasMessageContaining("expired");
    }

    @Test
    void aPersonSignsInThroughAProviderOfTheFederation() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, null, Set.of(domain));
        var federation = TestCertificates.rsaSigner("Fédération de test");
        var metadata = signed(aggregate(Keycloak.realmUrl(), "Keycloak " + domain, domain, validFor(7)), federation);
        providers.importMetadata(reader().read(metadata, federation.certificate()));
        var id = jdbc.sql("select id from identity_provider where saml_entity_id = ? and establishment_id = ?")
                .params(Keycloak.realmUrl(), establishment.value())
                .query(Long.class)
                .single();
        var username = "f" + Long.toHexString(System.nanoTime());
        var email = username + "@" + domain;
        accounts.createVerified(email, Civility.MADAME, "Fédérée", "Anne", establishment, false, GOOD_PASSWORD);
        Keycloak.createUser(
                username, "pw-" + username, email, "Anne", "Fédérée", Map.of("eppn", java.util.List.of(email)));
        var browser = new HttpVisitor(port);

        var login = browser.follow("/connexion/etablissement/" + id);
        var form = Jsoup.parse(login.response().body(), login.response().uri().toString())
                .selectFirst("form#kc-form-login");
        var posted = browser.post(form.absUrl("action"), Map.of("username", username, "password", "pw-" + username));
        var answer = Jsoup.parse(posted.body())
                .selectFirst("input[name=SAMLResponse]")
                .attr("value");
        var accepted = browser.post("/connexion/saml/acs", Map.of("SAMLResponse", answer));
        var landed = browser.follow(accepted.headers().firstValue("Location").orElseThrow());

        assertThat(landed.lastPath()).isEqualTo("/");
        assertThat(browser.get("/compte").body()).contains(email);
    }

    private FederationMetadata reader() {
        return new FederationMetadata(new SamlProperties(null, null), providers, clock);
    }

    private Instant validFor(int days) {
        return clock.instant().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** An aggregate of one identity provider, as a federation publishes it (Keycloak's realm key inside). */
    private static String aggregate(String entityId, String name, String scope, Instant validUntil) throws Exception {
        var keycloakCertificate =
                entityId.startsWith(Keycloak.realmUrl()) ? Keycloak.samlCertificate() : realmLikeCertificate();
        var sso = entityId.startsWith(Keycloak.realmUrl())
                ? Keycloak.realmUrl() + "/protocol/saml"
                : entityId + "/profile/SAML2/Redirect/SSO";
        return """
                <md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                    xmlns:mdui="urn:oasis:names:tc:SAML:metadata:ui" xmlns:shibmd="urn:mace:shibboleth:metadata:1.0"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#" ID="_aggregate" Name="test-federation" validUntil="%s">
                  <md:EntityDescriptor entityID="%s">
                    <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                      <md:Extensions>
                        <shibmd:Scope regexp="false">%s</shibmd:Scope>
                        <mdui:UIInfo><mdui:DisplayName xml:lang="en">%s (en)</mdui:DisplayName><mdui:DisplayName xml:lang="fr">%s</mdui:DisplayName></mdui:UIInfo>
                      </md:Extensions>
                      <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="%s"/>
                      <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
                    </md:IDPSSODescriptor>
                  </md:EntityDescriptor>
                  <md:EntityDescriptor entityID="https://sp.example.test/shibboleth">
                    <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
                  </md:EntityDescriptor>
                </md:EntitiesDescriptor>
                """.formatted(
                        validUntil, entityId.replace("&", "&amp;"), scope, name, name, keycloakCertificate, sso, sso);
    }

    private static String realmLikeCertificate() throws Exception {
        return Keycloak.samlCertificate();
    }

    private static byte[] signed(String xml, TestCertificates.Issued signer) throws Exception {
        var document = Util.loadXML(xml);
        return Util.addSign(document, signer.keys().getPrivate(), signer.certificate(), Constants.RSA_SHA256)
                .getBytes(StandardCharsets.UTF_8);
    }
}
