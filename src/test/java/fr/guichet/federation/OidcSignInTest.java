package fr.guichet.federation;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import fr.guichet.support.TestSmtp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signing in through a real OpenID Connect provider (mock-oauth2-server, in this JVM, over HTTP):
 * the browser's whole journey of redirects, with the provider saying what a real one would.
 */
@ServerTest
class OidcSignInTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final MockOAuth2Server provider = new MockOAuth2Server();

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
    String issuerId;

    @BeforeAll
    static void start() {
        provider.start();
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    @BeforeEach
    void anEstablishmentWithItsProvider() {
        domain = People.uniqueDomain();
        establishment = organizations.createEstablishment("Université " + domain, null, Set.of(domain));
        issuerId = "idp-" + domain.replace('.', '-');
        providerId = providers.create(
                oidc(
                        "Université " + domain,
                        establishment.value(),
                        provider.issuerUrl(issuerId).toString()),
                admin(),
                "127.0.0.1");
    }

    @Test
    void aNewcomerCompletesOnlyWhatTheProviderDidNotSayThenIsSignedIn() throws Exception {
        var email = People.uniqueEmail(domain);
        answers("sub-" + email, claims(email, true, "Aurélie", "Delmas"));
        var browser = new HttpVisitor(port);

        var journey = browser.follow("/connexion/etablissement/" + providerId);

        assertThat(journey.lastPath()).isEqualTo("/connexion/etablissement/completer");
        var page = Jsoup.parse(journey.response().body());
        assertThat(page.select("[data-testid=given-email]").text()).isEqualTo(email);
        assertThat(page.select("input[name=lastName]"))
                .as("the provider gave the names")
                .isEmpty();
        var done = browser.submit(
                "/connexion/etablissement/completer",
                "/connexion/etablissement/completer",
                Map.of("civility", "MADAME"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/");

        var account = accounts.findByEmail(email).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Aurélie Delmas");
        assertThat(accounts.belongsTo(account.id(), establishment)).isTrue();
        assertThat(accounts.hasPassword(account.id())).isFalse();
        assertThat(browser.get("/compte").body()).contains(email);
        assertThat(audited("FEDERATED_IDENTITY_LINKED", account.id())).contains("new-account");
        assertThat(audited("SIGN_IN_SUCCEEDED", account.id())).contains("via=OIDC");

        // the next time, straight in
        answers("sub-" + email, claims(email, true, "Aurélie", "Delmas"));
        var again = new HttpVisitor(port);
        assertThat(again.follow("/connexion/etablissement/" + providerId).lastPath())
                .isEqualTo("/");
        assertThat(again.get("/compte").statusCode()).isEqualTo(200);
    }

    @Test
    void anExistingAccountOfTheEstablishmentsDomainIsLinkedByItsVouchedForAddress() throws Exception {
        var email = People.uniqueEmail(domain);
        var id = accounts.createVerified(email, Civility.MONSIEUR, "Roux", "Marc", establishment, false, GOOD_PASSWORD);
        answers("sub-" + email, claims(email, true, "Marc", "Roux"));
        var browser = new HttpVisitor(port);

        assertThat(browser.follow("/connexion/etablissement/" + providerId).lastPath())
                .isEqualTo("/");

        assertThat(browser.get("/compte").body()).contains(email);
        assertThat(audited("FEDERATED_IDENTITY_LINKED", id)).contains("same-address");
        assertThat(browser.get("/compte/identites").body()).contains("Université " + domain);
        var told = Mails.awaitFirst(greenMail, email);
        assertThat(told.getSubject()).isEqualTo("Guichet : une connexion par l’établissement est liée à votre compte");
        assertThat(Mails.body(told))
                .as("a way into his account he did not choose himself")
                .contains("/compte/identites")
                .contains("il ne peut pas être désactivé");
    }

    @Test
    void anAddressTheProviderDoesNotVouchForNeverTakesAnExistingAccountOver() throws Exception {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MONSIEUR, "Roux", "Marc", establishment, false, GOOD_PASSWORD);
        answers("attacker", claims(email, false, "Marc", "Roux"));
        var browser = new HttpVisitor(port);

        var journey = browser.follow("/connexion/etablissement/" + providerId);

        assertThat(journey.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(refusal(journey)).contains("ne la garantit pas");
        assertThat(browser.get("/compte").statusCode()).as("not signed in").isEqualTo(302);
        assertThat(identitiesOfSubject("attacker")).isZero();
    }

    @Test
    void anAddressOfAnotherEstablishmentIsNotVouchedForByThisOne() throws Exception {
        var elsewhere = People.uniqueDomain();
        var other = organizations.createEstablishment("Autre " + elsewhere, null, Set.of(elsewhere));
        var email = People.uniqueEmail(elsewhere);
        accounts.createVerified(email, Civility.MADAME, "Lenoir", "Anne", other, false, GOOD_PASSWORD);
        answers("sub-" + email, claims(email, true, "Anne", "Lenoir"));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("ne la garantit pas");
    }

    @Test
    void aPlatformAdminIsNeverLinkedSilently() throws Exception {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Garnier", "Lise", establishment, true, GOOD_PASSWORD);
        answers("sub-" + email, claims(email, true, "Lise", "Garnier"));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("jamais lié automatiquement");
        assertThat(identitiesOfSubject("sub-" + email)).isZero();
    }

    @Test
    void aProviderNeverCreatesAnAccountUnderAnotherEstablishmentsAddress() throws Exception {
        var elsewhere = People.uniqueDomain();
        organizations.createEstablishment("Autre " + elsewhere, null, Set.of(elsewhere));
        var email = People.uniqueEmail(elsewhere);
        answers("squatter", claims(email, true, "Pré", "Sident"));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("ne garantit pas votre adresse");
        assertThat(accounts.exists(email)).isFalse();
    }

    @Test
    void anAccountSetToItsCertificateIsNotOpenedByAnIdentity() throws Exception {
        var email = People.uniqueEmail(domain);
        welcomed("sub-" + email, email, "Cerise", "Certain");
        var id = accounts.findByEmail(email).orElseThrow().id();
        accounts.authenticateByCertificate(
                id,
                new fr.guichet.support.TestCertificates()
                        .person("Cerise Certain")
                        .der());
        answers("sub-" + email, claims(email, true, "Cerise", "Certain"));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("uniquement avec son certificat");
    }

    @Test
    void aSignedInPersonWhoseProviderAnswerIsRefusedStaysSignedIn() throws Exception {
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Stable", "Rita", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        browser.signIn(email, GOOD_PASSWORD);
        answers("someone-else", claims(People.uniqueEmail(domain), false, "X", "Y"));

        var journey = browser.follow("/connexion/etablissement/" + providerId);

        assertThat(journey.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(browser.get("/compte").body()).contains(email);
    }

    @Test
    void theProvidersAddressOfNoProviderIsNotFound() throws Exception {
        assertThat(new HttpVisitor(port).get("/connexion/oidc/424242").statusCode())
                .isEqualTo(404);
        assertThat(new HttpVisitor(port).get("/connexion/oidc/pas-un-numero").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theServerOfAProviderPeopleSignInThroughCannotBeSwapped() throws Exception {
        var email = People.uniqueEmail(domain);
        welcomed("sub-" + email, email, "Ana", "Fixe");
        var settings = oidc(
                "Université " + domain,
                establishment.value(),
                provider.issuerUrl("ailleurs").toString());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> providers.change(providerId, settings, admin(), "127.0.0.1"))
                .isInstanceOf(InvalidProvider.class)
                .satisfies(e -> assertThat(((InvalidProvider) e).problems())
                        .extracting(ProviderSettings.Problem::code)
                        .containsExactly("federation.provider.identities-tied"));
    }

    @Test
    void aNewcomerNeedsAnAddressTheProviderVerified() throws Exception {
        var email = People.uniqueEmail(domain);
        answers("sub-" + email, claims(email, false, "Jean", "Petit"));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("ne garantit pas votre adresse");
        assertThat(accounts.exists(email)).isFalse();
    }

    @Test
    void aSignedInPersonLinksAnIdentityFromHisAccountThenSignsInWithItAndUnlinksIt() throws Exception {
        var email = People.uniqueEmail(domain);
        var id =
                accounts.createVerified(email, Civility.MADAME, "Perrin", "Claire", establishment, true, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        browser.signIn(email, GOOD_PASSWORD);
        answers("claire-at-idp", claims("claire.perso@example.org", true, "Claire", "Perrin"));

        var linkStart = browser.submit("/compte/identites", "/compte/identites/fournisseurs/" + providerId, Map.of());
        var journey = browser.follow(linkStart.headers().firstValue("Location").orElseThrow());

        assertThat(journey.lastPath()).isEqualTo("/compte/identites");
        var page = Jsoup.parse(journey.response().body());
        assertThat(page.select("[data-testid=linked]")).hasSize(1);
        assertThat(page.select("[data-testid=identities]").text()).contains("Université " + domain);
        assertThat(audited("FEDERATED_IDENTITY_LINKED", id)).contains("by-person");

        answers("claire-at-idp", claims("claire.perso@example.org", true, "Claire", "Perrin"));
        var elsewhere = new HttpVisitor(port);
        assertThat(elsewhere.follow("/connexion/etablissement/" + providerId).lastPath())
                .isEqualTo("/");
        assertThat(elsewhere.get("/compte").body()).contains(email);

        var identity = identityOf(id);
        var unlinked = browser.submit("/compte/identites", "/compte/identites/" + identity + "/suppression", Map.of());
        assertThat(unlinked.statusCode()).isEqualTo(302);
        assertThat(identitiesOfSubject("claire-at-idp")).isZero();
        assertThat(audited("FEDERATED_IDENTITY_UNLINKED", id)).contains("provider=" + providerId);
    }

    @Test
    void anIdentityTiedToAnotherAccountIsNotTiedTwice() throws Exception {
        var first = People.uniqueEmail(domain);
        var newcomer = welcomed("shared-sub-" + domain, first, "Paul", "Marin");

        var second = People.uniqueEmail(domain);
        accounts.createVerified(second, Civility.MADAME, "Morel", "Eva", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        browser.signIn(second, GOOD_PASSWORD);
        answers("shared-sub-" + domain, claims(first, true, "Paul", "Marin"));
        var linkStart = browser.submit("/compte/identites", "/compte/identites/fournisseurs/" + providerId, Map.of());
        var journey = browser.follow(linkStart.headers().firstValue("Location").orElseThrow());

        assertThat(journey.lastPath()).isEqualTo("/compte/identites");
        assertThat(Jsoup.parse(journey.response().body())
                        .select("[data-testid=refusal]")
                        .text())
                .contains("déjà liée à un autre compte");
        assertThat(browser.get("/compte").body())
                .as("still signed in as herself")
                .contains(second);
    }

    @Test
    void theLastWayInCannotBeUnlinked() throws Exception {
        var email = People.uniqueEmail(domain);
        var browser = welcomed("sub-" + email, email, "Hugo", "Faure");
        var id = accounts.findByEmail(email).orElseThrow().id();

        var refused =
                browser.submit("/compte/identites", "/compte/identites/" + identityOf(id) + "/suppression", Map.of());
        var page = Jsoup.parse(browser.get(
                        refused.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
                .body());

        assertThat(page.select("[data-testid=refusal]").text()).contains("dernier moyen de connexion");
        assertThat(identitiesOfSubject("sub-" + email)).isOne();
    }

    @Test
    void aProviderThatCannotBeReachedIsSaidSoAndPasswordsKeepWorking() throws Exception {
        var broken = providers.create(
                oidc("Université en panne " + domain, null, "http://localhost:1/nowhere"), admin(), "127.0.0.1");
        var browser = new HttpVisitor(port);

        var response = browser.get("/connexion/etablissement/" + broken);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Jsoup.parse(response.body()).select("[data-testid=refusal]").text())
                .contains("ne répond pas pour le moment");
        var email = People.uniqueEmail(domain);
        accounts.createVerified(email, Civility.MADAME, "Blanc", "Rose", establishment, false, GOOD_PASSWORD);
        assertThat(browser.signIn(email, GOOD_PASSWORD)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .doesNotContain("erreur");
    }

    @Test
    void aProviderThatRefusesSendsThePersonBackWithTheReason() throws Exception {
        var browser = new HttpVisitor(port);
        var journey = browser.follow("/connexion/etablissement/" + providerId, next -> next.contains("/authorize"));
        var state = query(URI.create(journey.next())).get("state");

        var back = browser.follow("/connexion/oidc/retour/" + providerId + "?error=access_denied&state="
                + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));

        assertThat(back.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(refusal(back)).contains("n’a pas confirmé votre connexion");
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        var email = People.uniqueEmail(domain);
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                issuerId, "sub-" + email, "JWT", List.of("guichet"), claims(email, true, "Eve", "Mal"), -3600));

        var journey = new HttpVisitor(port).follow("/connexion/etablissement/" + providerId);

        assertThat(refusal(journey)).contains("n’a pas confirmé votre connexion");
        assertThat(accounts.exists(email)).isFalse();
    }

    @Test
    void aDisabledProviderSignsNobodyInAndLeavesTheChooser() throws Exception {
        var email = People.uniqueEmail(domain);
        var browser = welcomed("sub-" + email, email, "Léa", "Bonnet");

        providers.switchOn(providerId, false, admin(), "127.0.0.1");

        assertThat(new HttpVisitor(port)
                        .get("/connexion/etablissement/" + providerId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(new HttpVisitor(port)
                        .get("/connexion/etablissement?q=" + domain)
                        .body())
                .doesNotContain("Université " + domain);
        // an answer already on its way back when the provider was turned off lets nobody in either
        providers.switchOn(providerId, true, admin(), "127.0.0.1");
        var late = new HttpVisitor(port);
        var started = late.follow("/connexion/etablissement/" + providerId, next -> next.contains("/authorize"));
        // no answer queued at the provider: the code is never exchanged
        var atProvider = late.follow(started.next(), next -> next.contains("/connexion/oidc/retour/"));
        providers.switchOn(providerId, false, admin(), "127.0.0.1");
        var back = late.follow(atProvider.next());
        assertThat(back.lastPath()).isNotEqualTo("/");
        assertThat(late.get("/compte").statusCode()).isEqualTo(302);
    }

    @Test
    void registeringWithAnAddressOfAnEstablishmentThatHasAProviderIsSentToIt() throws Exception {
        var browser = new HttpVisitor(port);

        var page =
                Jsoup.parse(browser.submit("/inscription", "/inscription", Map.of("email", People.uniqueEmail(domain)))
                        .body());

        var door = page.selectFirst("[data-testid=establishment-door] a");
        assertThat(door).isNotNull();
        assertThat(door.attr("href")).isEqualTo("/connexion/etablissement/" + providerId);
        assertThat(door.text()).isEqualTo("Se connecter avec Université " + domain);
        // an address of an establishment without one registers as before
        var other = browser.submit("/inscription", "/inscription", Map.of("email", People.uniqueEmail()));
        assertThat(other.headers().firstValue("Location").orElseThrow()).endsWith("/inscription/etablissement");
    }

    @Test
    void theChooserFindsTheProviderByItsEstablishmentsNameWithoutAccents() throws Exception {
        var page = Jsoup.parse(new HttpVisitor(port)
                .get("/connexion/etablissement?q=UNIVERSITE%20" + domain)
                .body());

        assertThat(page.select("[data-testid=providers] a").eachAttr("href"))
                .containsExactly("/connexion/etablissement/" + providerId);
    }

    private ProviderSettings oidc(String name, Long establishmentId, String issuer) {
        return ProviderSettings.of(
                Protocol.OIDC, name, establishmentId, issuer, "guichet", "client-secret", null, null, null, null, null);
    }

    /** A newcomer's first sign-in through the provider, his account completed: his browser, signed in. */
    private HttpVisitor welcomed(String subject, String email, String given, String family) throws Exception {
        answers(subject, claims(email, true, given, family));
        var browser = new HttpVisitor(port);
        browser.follow("/connexion/etablissement/" + providerId);
        browser.submit(
                "/connexion/etablissement/completer",
                "/connexion/etablissement/completer",
                Map.of("civility", "MADAME"));
        return browser;
    }

    private void answers(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of("guichet"), claims, 3600));
    }

    private static Map<String, Object> claims(String email, boolean verified, String given, String family) {
        return Map.of("email", email, "email_verified", verified, "given_name", given, "family_name", family);
    }

    private AccountId admin() {
        if (admin == null) {
            admin = accounts.createVerified(
                    People.uniqueEmail(), Civility.MADAME, "Admin", "Plateforme", null, true, GOOD_PASSWORD);
        }
        return admin;
    }

    private static AccountId admin;

    private static String refusal(HttpVisitor.Journey journey) {
        return Jsoup.parse(journey.response().body())
                .select("[data-testid=refusal]")
                .text();
    }

    private long identitiesOfSubject(String subject) {
        return jdbc.sql("select count(*) from federated_identity where subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private long identityOf(AccountId account) {
        return jdbc.sql("select id from federated_identity where account_id = ? and provider_id = ?")
                .params(account.value(), providerId)
                .query(Long.class)
                .single();
    }

    private String audited(String action, AccountId actor) {
        return Trail.details(jdbc, action, actor);
    }

    private static Map<String, String> query(URI uri) {
        var values = new HashMap<String, String>();
        for (var pair : uri.getRawQuery().split("&")) {
            var at = pair.indexOf('=');
            values.put(pair.substring(0, at), URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
