package fr.guichet.federation;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.support.HttpVisitor;
import fr.guichet.support.People;
import fr.guichet.support.ServerTest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform admins' page of providers: what it refuses, and what it leaves to the configuration. */
@ServerTest
class ProviderAdminPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    IdentityProviders providers;

    @Autowired
    JdbcClient jdbc;

    HttpVisitor admin;

    @BeforeEach
    void aPlatformAdmin() throws Exception {
        var email = People.uniqueEmail();
        accounts.createVerified(email, Civility.MONSIEUR, "Admin", "Paul", null, true, GOOD_PASSWORD);
        admin = new HttpVisitor(port);
        admin.signIn(email, GOOD_PASSWORD);
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        var name = "Université " + People.uniqueDomain();

        var answer = admin.submit(
                "/administration/fournisseurs-identite/nouveau?protocole=OIDC",
                "/administration/fournisseurs-identite/nouveau",
                Map.of("protocol", "OIDC", "name", name, "issuer", "http://idp.example.org/realms/x", "clientId", ""));

        assertThat(answer.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(answer.body());
        assertThat(page.select("[data-testid=error-summary]").text())
                .contains("Donnez une adresse https complète")
                .contains("Ce champ est obligatoire");
        assertThat(page.select("#issuer-error").text()).contains("https");
        assertThat(page.select("#clientSecret-error").text()).contains("obligatoire");
        assertThat(jdbc.sql("select count(*) from identity_provider where name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aProviderOfTheConfigurationIsShownNotEdited() throws Exception {
        var key = "conf-" + System.nanoTime();
        var name = "Configurée " + key;
        providers.configure(
                key,
                ProviderSettings.of(
                        Protocol.CAS,
                        name,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "https://cas.example.org/cas",
                        null,
                        null,
                        null),
                true);
        var id = jdbc.sql("select id from identity_provider where config_key = ?")
                .param(key)
                .query(Long.class)
                .single();

        var page = Jsoup.parse(
                admin.get("/administration/fournisseurs-identite/" + id).body());
        assertThat(page.select("[data-testid=configured]")).hasSize(1);
        assertThat(page.select("fieldset[disabled]")).hasSize(1);
        assertThat(page.select("form[action$=/activation]"))
                .as("no switch either")
                .isEmpty();

        var tried = admin.post(
                "/administration/fournisseurs-identite/" + id,
                Map.of(
                        "_csrf",
                        csrf(page),
                        "protocol",
                        "CAS",
                        "name",
                        "Renommée",
                        "casServerUrl",
                        "https://x.example.org/cas"));
        assertThat(Jsoup.parse(tried.body())
                        .select("[data-testid=error-summary]")
                        .text())
                .contains("défini par la configuration");
        assertThat(providers.find(id).orElseThrow().name()).isEqualTo(name);
    }

    private static String csrf(org.jsoup.nodes.Document page) {
        return page.selectFirst("input[name=_csrf]").attr("value");
    }
}
