package fr.guichet.federation;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.support.CasServer;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
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
 * Signing in through a real Apereo CAS server (started by the tests): its login page, its service
 * ticket validated with protocol 3, and the tickets an attacker would push or replay.
 */
@ServerTest
@ExtendWith(CasServer.class)
class CasSignInTest {

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

    private static OrganizationId establishment;
    private static long providerId;

    @BeforeEach
    void theEstablishmentOfThisRunsCasServer() {
        if (establishment != null) {
            return;
        }
        establishment =
                organizations.createEstablishment("Université " + CasServer.domain(), null, Set.of(CasServer.domain()));
        var admin = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Admin", "Plateforme", null, true, GOOD_PASSWORD);
        providerId = providers.create(
                ProviderSettings.of(
                        Protocol.CAS,
                        "CAS " + CasServer.domain(),
                        establishment.value(),
                        null,
                        null,
                        null,
                        null,
                        CasServer.url(),
                        null,
                        null,
                        null),
                admin,
                "127.0.0.1");
    }

    @Test
    void aNewcomerSignsInAtHisCasServerCompletesHisCivilityAndIsIn() throws Exception {
        var browser = new HttpVisitor(port);

        var landed = browser.follow(ticketReturn(browser, "nouveau"));

        assertThat(landed.lastPath()).isEqualTo("/connexion/etablissement/completer");
        browser.submit(
                "/connexion/etablissement/completer",
                "/connexion/etablissement/completer",
                Map.of("civility", "MONSIEUR"));
        var account = accounts.findByEmail(CasServer.email("nouveau")).orElseThrow();
        assertThat(account.displayName()).isEqualTo("Prénom-nouveau Nom-nouveau");
        assertThat(accounts.belongsTo(account.id(), establishment)).isTrue();
        assertThat(browser.get("/compte").body()).contains(CasServer.email("nouveau"));
        assertThat(audited(account.id())).contains("via=CAS");
    }

    @Test
    void anExistingAccountOfTheEstablishmentIsSignedInThroughCas() throws Exception {
        accounts.createVerified(
                CasServer.email("existant"), Civility.MADAME, "Nom", "Prénom", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);

        assertThat(browser.follow(ticketReturn(browser, "existant")).lastPath()).isEqualTo("/");

        assertThat(browser.get("/compte").body()).contains(CasServer.email("existant"));
    }

    @Test
    void aTicketPushedIntoAnotherBrowserSignsNobodyIn() throws Exception {
        var attacker = new HttpVisitor(port);
        var pushed = ticketReturn(attacker, "voleur");

        var victim = new HttpVisitor(port);
        var landed = victim.follow(pushed);

        assertThat(landed.lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(victim.get("/compte").statusCode()).isEqualTo(302);
        assertThat(accounts.exists(CasServer.email("voleur"))).isFalse();
    }

    @Test
    void aTicketIsValidatedOnce() throws Exception {
        accounts.createVerified(
                CasServer.email("rejoue"), Civility.MADAME, "Nom", "Prénom", establishment, false, GOOD_PASSWORD);
        var browser = new HttpVisitor(port);
        var back = ticketReturn(browser, "rejoue");
        assertThat(browser.follow(back).lastPath()).isEqualTo("/");

        var again = new HttpVisitor(port);
        // the same ticket, replayed in a browser that did start a sign-in: CAS says it is spent
        var started = again.follow("/connexion/etablissement/" + providerId, next -> next.contains("/cas/login"));
        var fresh = started.next();
        var freshState = java.net.URLDecoder.decode(
                fresh.substring(fresh.indexOf("service=") + 8), java.nio.charset.StandardCharsets.UTF_8);
        var replay = freshState + "&ticket=" + back.substring(back.indexOf("ticket=") + 7);
        assertThat(again.follow(replay).lastPath()).isEqualTo("/connexion/etablissement/refus");
        assertThat(again.get("/compte").statusCode()).isEqualTo(302);
    }

    /** The chooser, CAS's login page filled in: the address CAS sends the browser back to, with its ticket. */
    private String ticketReturn(HttpVisitor browser, String user) throws Exception {
        var atCas = browser.follow("/connexion/etablissement/" + providerId);
        var page = Jsoup.parse(atCas.response().body(), atCas.response().uri().toString());
        var form = page.selectFirst("form#fm1");
        assertThat(form).as("CAS's login page").isNotNull();
        var posted = browser.post(
                form.absUrl("action") + "?" + atCas.response().uri().getRawQuery(),
                Map.of(
                        "username",
                        user,
                        "password",
                        CasServer.password(user),
                        "execution",
                        form.selectFirst("input[name=execution]").attr("value"),
                        "_eventId",
                        "submit"));
        var back = posted.headers().firstValue("Location").orElseThrow();
        assertThat(back).contains("/connexion/cas/retour/" + providerId).contains("ticket=ST-");
        return back;
    }

    private String audited(AccountId actor) {
        return Trail.details(jdbc, "SIGN_IN_SUCCEEDED", actor);
    }
}
