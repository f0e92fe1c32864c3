package fr.guichet.account.erasure;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.security.SignInTest;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A person's erasure request, from "Mon compte" to a platform administrator's decision, as both see it. */
@IntegrationTest
class ErasureRequestTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    String personEmail;
    String lastName;
    AccountId person;
    String adminEmail;
    AccountId admin;

    @BeforeEach
    void people() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "UE", Set.of(domain));
        personEmail = People.uniqueEmail(domain);
        lastName = "Effacee" + suffix;
        person = accounts.createVerified(
                personEmail, Civility.MADAME, lastName, "Estelle", establishment, false, GOOD_PASSWORD);
        adminEmail = People.uniqueEmail();
        admin = accounts.createVerified(
                adminEmail, Civility.MONSIEUR, "Admin" + suffix, "Paul", null, true, GOOD_PASSWORD);
    }

    @Test
    void aRequestRefusedWithAReasonThenAskedAgainAndExecutedLeavesTheAccountEmptyAndClosed() throws Exception {
        var me = Visitor.signedIn(mvc, personEmail);
        var form = page(me, "/compte/effacement");
        assertThat(form.select("[data-testid=deleted] li")).hasSize(4);
        assertThat(form.select("[data-testid=kept] li").text()).contains("journal d’audit", "demandes d’assistance");

        me.perform(post("/compte/effacement").with(csrf()));
        assertThat(page(me, "/compte/effacement").select("[data-testid=latest]").text())
                .contains("attend la décision");
        // a second click adds nothing, and says why
        me.perform(post("/compte/effacement").with(csrf()));
        assertThat(flash(me, "/compte/effacement")).contains("attend déjà");
        assertThat(count("select count(*) from erasure_request where account_id = ?", person.value()))
                .isEqualTo(1);
        var told = Mails.awaitFirst(greenMail, adminEmail);
        assertThat(Mails.body(told)).contains("Estelle " + lastName, personEmail, "/administration/effacements");

        // another member cannot see the administrators' page; his own page knows nothing of her request
        var otherEmail = People.uniqueEmail();
        accounts.createVerified(otherEmail, Civility.MONSIEUR, "Autre", "Yves", null, false, GOOD_PASSWORD);
        var other = Visitor.signedIn(mvc, otherEmail);
        assertThat(other.perform(get("/administration/effacements"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(page(other, "/compte/effacement").select("[data-testid=latest]"))
                .isEmpty();
        var id = requestId();
        assertThat(other.perform(post("/administration/effacements/{id}/executer", id)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);

        // the administrator refuses: a reason is required, and she reads it
        var boss = Visitor.signedIn(mvc, adminEmail);
        assertThat(page(boss, "/administration/effacements")
                        .select("[data-testid=erasure-request]")
                        .text())
                .contains("Estelle " + lastName);
        boss.perform(post("/administration/effacements/{id}/refuser", id)
                .param("reason", " ")
                .with(csrf()));
        assertThat(flash(boss, "/administration/effacements")).contains("Indiquez le motif");
        boss.perform(post("/administration/effacements/{id}/refuser", id)
                .param("reason", "Un litige est en cours.")
                .with(csrf()));
        // the administrator reads the page the refusal redirects to, as a browser does
        assertThat(page(boss, "/administration/effacements")
                        .select("[data-testid=saved]")
                        .text())
                .contains("refusée");
        var refused = Mails.awaitFirst(greenMail, personEmail);
        assertThat(Mails.body(refused)).contains("Un litige est en cours.");
        assertThat(page(me, "/compte/effacement").select("[data-testid=latest]").text())
                .contains("refusée", "Un litige est en cours.");

        // she asks again; this time it is executed
        me.perform(post("/compte/effacement").with(csrf()));
        var second = requestId();
        boss.perform(post("/administration/effacements/{id}/executer", second).with(csrf()));
        assertThat(page(boss, "/administration/effacements")
                        .select("[data-testid=saved]")
                        .text())
                .contains("ont été effacées");
        // a decided request cannot be decided again
        boss.perform(post("/administration/effacements/{id}/refuser", second)
                .param("reason", "Trop tard.")
                .with(csrf()));
        assertThat(flash(boss, "/administration/effacements")).contains("déjà été traitée");

        var executed = Mails.nth(greenMail, personEmail, 2);
        assertThat(Mails.body(executed)).contains("effacées", "journal d’audit");
        // her session is gone, her password opens nothing, her data download is no longer hers to take
        var afterwards = me.perform(get("/compte/donnees")).andReturn().getResponse();
        assertThat(afterwards.getStatus()).isEqualTo(302);
        assertThat(afterwards.getRedirectedUrl()).endsWith("/connexion");
        var again = new Visitor(mvc);
        again.perform(SignInTest.signIn(personEmail, GOOD_PASSWORD));
        assertThat(again.perform(get("/compte/donnees"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        assertThat(accounts.findByEmail(personEmail)).isEmpty();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit_entry where action = 'ACCOUNT_ANONYMISED' and actor_account_id = ? and details = ?",
                                admin.value(),
                                "erasure request " + second)
                        == 1);
        assertThat(count(
                        "select count(*) from erasure_request where id = ? and status = 'EXECUTED' and decided_by = ?",
                        second,
                        admin.value()))
                .isEqualTo(1);
    }

    @Test
    void aPlatformAdministratorCannotAskForHisOwnErasure() throws Exception {
        var boss = Visitor.signedIn(mvc, adminEmail);
        var form = page(boss, "/compte/effacement");
        assertThat(form.select("[data-testid=platform-admin]").text()).contains("administrateur de la plateforme");
        assertThat(form.select("form[action=/compte/effacement]")).isEmpty();
        boss.perform(post("/compte/effacement").with(csrf()));
        assertThat(flash(boss, "/compte/effacement")).contains("ne peut pas demander");
        assertThat(count("select count(*) from erasure_request where account_id = ?", admin.value()))
                .isZero();
    }

    private long requestId() {
        return jdbc.sql("select id from erasure_request where account_id = ? and status = 'PENDING'")
                .param(person.value())
                .query(Long.class)
                .single();
    }

    private Document page(Visitor visitor, String path) throws Exception {
        var response = visitor.perform(get(path)).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** The refusal the page shows after a redirect (the flash attribute is read on the next page). */
    private String flash(Visitor visitor, String path) throws Exception {
        return page(visitor, path).select("[data-testid=refusal]").text();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
