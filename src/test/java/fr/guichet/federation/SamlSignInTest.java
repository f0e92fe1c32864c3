package fr.guichet.federation;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.Keycloak;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in through a real SAML identity provider (Keycloak, started by the tests): its own login
 * page, its signed assertion posted back, and what a forger or a thief of an answer would try.
 */
@ServerTest
@ExtendWith(Keycloak.class)
class SamlSignInTest {

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

    String domain;
    OrganizationId establishment;
    long providerId;

    private static AccountId admin;

    @BeforeEach
    void anEstablishmentWithItsSamlProvider() throws Exception {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, null, Set.of(domain));
        providerId = providers.create(saml("Université " + domain, Keycloak.samlCertificate()), admin(), "127.0.0.1");
    }

    @Test
    void aNewcomerSignsInAtHisProviderCompletesHisCivilityAndIsIn() throws Exception {
        var person = member("Inès", "Bertrand");
        var browser = new HttpVisitor(port);

        var landed = signInAtProvider(browser, person);

        assertThat(landed.lastPath()).isEqualTo("/connexion/etablissement/completer");
        assertThat(Jsoup.parse(landed.response().body())
                        .select("[data-testid=given-email]")
                        .text())
                .isEqualTo(person.email());
        browser.submit(
                "/connexion/etablissement/completer",
                "/connexion/etablissement/completer",
                Map.of("civility", "MADAME"));
        var account = accounts.findByEmail(person.email()).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Inès Bertrand");
        assertThat(accounts.belongsTo(account.id(), establishment)).isTrue();
        assertThat(browser.get("/compte").body()).contains(person.email());
        assertThat(audited("SIGN_IN_SUCCEEDED", account.id())).contains("via=SAML");
        assertThat(jdbc.sql("select subject from federated_identity where account_id = ?")
                        .param(account.id().value())
                        .query(String.class)
                        .single())
                .as("the eduPersonPrincipalName, not the provider's opaque name id")
                .isEqualTo(person.username() + "@" + domain);
    }

    @Test
    void anExistingAccountOfTheEstablishmentIsSignedInThroughItsProvider() throws Exception {
        var person = member("Marc", "Aubert");
        accounts.createVerified(
                person.email(), Civility.MONSIEUR, "Aubert", "Marc", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);

        assertThat(signInAtProvider(browser, person).lastPath()).isEqualTo("/");

        assertThat(browser.get("/compte").body()).contains(person.email());
    }

    @Test
    void aForgedAssertionIsRefused() throws Exception {
        var person = member("Paul", "Honnête");
        var victim = People.uniqueEmail(domain);
        accounts.createVerified(victim, Civility.MADAME, "Cible", "Alice", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        var answer = answerOfProvider(browser, person);
        var forged = Base64.getEncoder()
                .encodeToString(new String(Base64.getMimeDecoder().decode(answer), StandardCharsets.UTF_8)
                        .replace(person.email(), victim)
                        .getBytes(StandardCharsets.UTF_8));

        var landed = postAnswer(browser, forged);

        assertThat(landed.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(browser.get("/compte").statusCode()).as("nobody signed in").isEqualTo(302);
        assertThat(identitiesOf(person.username() + "@" + domain)).isZero();
    }

    @Test
    void anAnswerIsAcceptedOnceAndOnlyInTheBrowserThatAskedForIt() throws Exception {
        var person = member("Zoé", "Lambert");
        accounts.createVerified(person.email(), Civility.MADAME, "Lambert", "Zoé", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        var answer = answerOfProvider(browser, person);

        var thief = new HttpVisitor(port);
        var stolen = thief.post("/connexion/saml/acs", Map.of("SAMLResponse", answer));
        var ticket = stolen.headers().firstValue("Location").orElseThrow();
        assertThat(ticket).contains("/connexion/saml/retour?jeton=");
        assertThat(thief.follow(ticket).lastPath())
                .as("the ticket belongs to the session that sent the request")
                .isEqualTo("/connexion/etablissement/refus");
        assertThat(thief.get("/compte").statusCode()).isEqualTo(302);

        var replayed = postAnswer(browser, answer);
        assertThat(replayed.lastPath())
                .as("the request was answered already")
                .isEqualTo("/connexion/etablissement/refus");
        assertThat(browser.get("/compte").statusCode()).isEqualTo(302);
    }

    @Test
    void anAssertionSignedByAnotherKeyThanTheProvidersIsRefused() throws Exception {
        var impostor = providers.create(saml("Imposteur " + domain, otherCertificate()), admin(), "127.0.0.1");
        var person = member("Noé", "Girard");
        var browser = new HttpVisitor(port);

        var atProvider = browser.follow("/connexion/etablissement/" + impostor, next -> false);
        var landed = postAnswer(browser, logIn(browser, atProvider.response(), person));

        assertThat(landed.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(accounts.exists(person.email())).isFalse();
    }

    @Test
    void thePortalPublishesItsServiceProviderMetadata() throws Exception {
        var metadata = new HttpVisitor(port).get("/connexion/saml/metadata");

        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/samlmetadata+xml");
        assertThat(metadata.body()).contains("entityID=\"urn:guichet:test\"").contains("/connexion/saml/acs");
    }

    record Member(String username, String password, String email) {}

    private Member member(String firstName, String lastName) throws Exception {
        var username = "u" + Long.toHexString(System.nanoTime());
        var member = new Member(username, "Mot de passe " + username, username + "@" + domain);
        Keycloak.createUser(
                username,
                member.password(),
                member.email(),
                firstName,
                lastName,
                Map.of(
                        "eppn", List.of(username + "@" + domain),
                        "supannEtablissement", List.of("{UAI}0999999X"),
                        "affiliation", List.of("member", "staff")));
        return member;
    }

    /** The chooser, the provider's login page filled in, its answer posted back, collected. */
    private HttpVisitor.Journey signInAtProvider(HttpVisitor browser, Member person) throws Exception {
        return postAnswer(browser, answerOfProvider(browser, person));
    }

    private String answerOfProvider(HttpVisitor browser, Member person) throws Exception {
        var atProvider = browser.follow("/connexion/etablissement/" + providerId);
        return logIn(browser, atProvider.response(), person);
    }

    /** Fills the provider's own login form; returns the answer its page would post back. */
    private static String logIn(HttpVisitor browser, HttpResponse<String> loginPage, Member person) throws Exception {
        var form = Jsoup.parse(loginPage.body(), loginPage.uri().toString()).selectFirst("form#kc-form-login");
        assertThat(form).as("Keycloak's login page").isNotNull();
        var posted = browser.post(
                form.absUrl("action"), Map.of("username", person.username(), "password", person.password()));
        var autoPost = Jsoup.parse(posted.body()).selectFirst("form input[name=SAMLResponse]");
        assertThat(autoPost)
                .as(
                        "the provider's answer, to be posted back: %s %s",
                        posted.statusCode(), posted.headers().map() + posted.body())
                .isNotNull();
        return autoPost.attr("value");
    }

    private static HttpVisitor.Journey postAnswer(HttpVisitor browser, String answer) throws Exception {
        var accepted = browser.post("/connexion/saml/acs", Map.of("SAMLResponse", answer));
        return browser.follow(accepted.headers().firstValue("Location").orElseThrow());
    }

    private ProviderSettings saml(String name, String certificate) {
        return ProviderSettings.of(
                Protocol.SAML,
                name,
                establishment.value(),
                null,
                null,
                null,
                null,
                null,
                Keycloak.realmUrl(),
                Keycloak.realmUrl() + "/protocol/saml",
                certificate);
    }

    /** Keycloak's master realm signs with a key of its own: a certificate that is not this provider's. */
    private static String otherCertificate() throws Exception {
        var metadata = new String(
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                                Keycloak.url() + "/realms/master/protocol/saml/descriptor"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                        .body(),
                StandardCharsets.UTF_8);
        var start = metadata.indexOf("<ds:X509Certificate>") + "<ds:X509Certificate>".length();
        return metadata.substring(start, metadata.indexOf("</ds:X509Certificate>", start));
    }

    private AccountId admin() {
        if (admin == null) {
            admin = accounts.createVerified(
                    People.uniqueEmail(), Civility.MADAME, "Admin", "Plateforme", null, true, GOOD_PASSWORD);
        }
        return admin;
    }

    private long identitiesOf(String subject) {
        return jdbc.sql("select count(*) from federated_identity where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private String audited(String action, AccountId actor) {
        return Trail.details(jdbc, action, actor);
    }
}
