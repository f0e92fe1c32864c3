package fr.guichet.account;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A disabled account's personal data, anonymised once the retention period (a year by default) has
 * passed: read back from the database, nothing of the person is left anywhere, and what pointed at
 * his account still does.
 */
@IntegrationTest
class PersonalDataRetentionTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    private static final String IP = "192.0.2.47";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisabledAccountsRetention retention;

    @Test
    void theJobAnonymisesExactlyTheAccountsDisabledLongerThanThePeriodAndNothingOfThemRemains() throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "UR", Set.of(domain));
        var goneEmail = People.uniqueEmail(domain);
        var goneLast = "Oubliard" + suffix;
        var goneFirst = "Ursule" + suffix;
        var gone = accounts.createVerified(
                goneEmail, Civility.MADAME, goneLast, goneFirst, establishment, false, GOOD_PASSWORD);
        var recentEmail = People.uniqueEmail(domain);
        var recent = accounts.createVerified(
                recentEmail, Civility.MONSIEUR, "Recent" + suffix, "Rémi", establishment, false, GOOD_PASSWORD);
        var activeEmail = People.uniqueEmail(domain);
        var active = accounts.createVerified(
                activeEmail, Civility.MONSIEUR, "Actif" + suffix, "Alain", establishment, false, GOOD_PASSWORD);

        // what he leaves behind: a ticket he filed (and its mails), sign-ins, a download of his data
        var agent = accounts.createVerified(
                People.uniqueEmail(), Civility.MADAME, "Agent" + suffix, "Agathe", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var product = setup.defineProduct("RG-" + suffix, "Produit " + suffix, null);
        setup.validateInstalledVersion(establishment, product, setup.defineVersion(product, "2026.1", true), null);
        setup.nameCorrespondent(establishment, product, gone, CorrespondentKind.FUNCTIONAL, null);
        var driver = TicketDriver.of(context);
        var category =
                driver.category("Paie " + suffix, product, false, setup.defineTeam("É " + suffix, List.of(agent)));
        var ticket = driver.file(gone, establishment, category, "Paie", "", "", "Bulletin faux", "Le net est faux.");
        var visitor = Visitor.signedIn(mvc, goneEmail);
        visitor.perform(get("/compte/donnees"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count(
                                "select count(*) from audit_entry where action = 'PERSONAL_DATA_EXPORTED' and target = ?",
                                goneEmail)
                        == 1);

        accounts.leave(gone, establishment, null, IP);
        accounts.leave(recent, establishment, null, IP);
        // his removal was long ago; the other's a month short of the period
        jdbc.sql("update account set disabled_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS)), gone.value())
                .update();
        jdbc.sql("update account set disabled_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(330, ChronoUnit.DAYS)), recent.value())
                .update();
        awaitDelivered(goneEmail);

        retention.anonymiseDue();
        awaitDelivered(goneEmail);
        // the second run finds nothing to do for him, and forgets the delivered event that named him
        retention.anonymiseDue();

        for (var trace : List.of(goneEmail, goneLast, goneFirst)) {
            assertThat(wherever(trace)).as(trace).isEmpty();
        }
        assertThat(jdbc.sql("select first_name || ' ' || last_name from account where id = ?")
                        .param(gone.value())
                        .query(String.class)
                        .single())
                .isEqualTo("Compte anonymisé n° " + gone.value());
        // what pointed at him still does: his ticket, the trail's entries of his acts, once the anonymisation
        assertThat(count("select count(*) from ticket where id = ? and requester_id = ?", ticket.value(), gone.value()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from audit_entry where actor_account_id = ? and action = 'SIGN_IN_SUCCEEDED'",
                        gone.value()))
                .isPositive();
        assertThat(count(
                        "select count(*) from audit_entry where action = 'ACCOUNT_ANONYMISED' and target = ?",
                        Account.anonymisedEmail(gone.value())))
                .isEqualTo(1);
        // the recently disabled and the active keep what they are
        assertThat(wherever(recentEmail)).contains("account.email");
        assertThat(wherever(activeEmail)).contains("account.email");
        assertThat(count(
                        "select count(*) from account where id in (?, ?) and anonymised_at is null",
                        recent.value(),
                        active.value()))
                .isEqualTo(2);
        // and he cannot come back
        assertThat(accounts.findByEmail(goneEmail)).isEmpty();
    }

    /** Every listener has had the events that name him (other tests' failed ones may stay undelivered). */
    private void awaitDelivered(String email) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count(
                                "select count(*) from event_publication where completion_date is null and serialized_event like ?",
                                "%" + email + "%")
                        == 0);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Every table.column of the schema whose text holds this string. */
    private List<String> wherever(String trace) {
        var columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema() and data_type in ('character varying', 'text')
                          and table_name <> 'flyway_schema_history'""")
                .query((rs, row) -> rs.getString(1) + "." + rs.getString(2))
                .list();
        var found = new ArrayList<String>();
        for (var column : columns) {
            var dot = column.indexOf('.');
            var hits = count(
                    "select count(*) from " + column.substring(0, dot) + " where lower(" + column.substring(dot + 1)
                            + ") like ?",
                    "%" + trace.toLowerCase() + "%");
            if (hits > 0) {
                found.add(column);
            }
        }
        return found;
    }
}
