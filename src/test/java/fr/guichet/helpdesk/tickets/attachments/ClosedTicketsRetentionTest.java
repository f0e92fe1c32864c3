package fr.guichet.helpdesk.tickets.attachments;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.TicketDriver;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closed tickets past their retention period (five years by default) are anonymised, once, and kept. */
@IntegrationTest
class ClosedTicketsRetentionTest {

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
    ClosedTicketsRetention retention;

    @Test
    void onlyTicketsClosedLongerThanThePeriodLoseTheirFollowUpAddressAndStay() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Université " + domain, "UT", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var correspondent = accounts.createVerified(
                email, Civility.MADAME, "Suivi" + suffix, "Sarah", establishment, false, GOOD_PASSWORD);
        var agent = accounts.createVerified(
                People.uniqueEmail(), Civility.MONSIEUR, "Agent" + suffix, "Axel", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var product = setup.defineProduct("TR-" + suffix, "Produit " + suffix, null);
        setup.validateInstalledVersion(establishment, product, setup.defineVersion(product, "2026.1", true), null);
        setup.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        var driver = TicketDriver.of(context);
        var category =
                driver.category("Paie " + suffix, product, false, setup.defineTeam("É " + suffix, List.of(agent)));
        var old = closed(driver, correspondent, establishment, category, agent);
        var recent = closed(driver, correspondent, establishment, category, agent);
        var open = driver.file(correspondent, establishment, category, "Paie", "", "", "Ouvert", "Toujours là.");
        jdbc.sql("update ticket set closed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(6 * 366, ChronoUnit.DAYS)), old.value())
                .update();
        jdbc.sql("update ticket set closed_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(4 * 365, ChronoUnit.DAYS)), recent.value())
                .update();

        retention.anonymiseDue();

        assertThat(followUp(old)).isEqualTo(ClosedTicketsRetention.PLACEHOLDER);
        assertThat(followUp(recent)).isEqualTo(email);
        assertThat(followUp(open)).isEqualTo(email);
        // the ticket stays whole otherwise: its number, its texts, its requester
        assertThat(jdbc.sql("select title from ticket where id = ? and requester_id = ?")
                        .params(old.value(), correspondent.value())
                        .query(String.class)
                        .single())
                .isEqualTo("Fermé");
        var anonymisedAt = jdbc.sql("select anonymised_at from ticket where id = ?")
                .param(old.value())
                .query(java.sql.Timestamp.class)
                .single();

        retention.anonymiseDue();

        assertThat(jdbc.sql("select anonymised_at from ticket where id = ?")
                        .param(old.value())
                        .query(java.sql.Timestamp.class)
                        .single())
                .as("a second run leaves it as it was")
                .isEqualTo(anonymisedAt);
    }

    private TicketId closed(
            TicketDriver driver,
            AccountId correspondent,
            fr.guichet.organization.OrganizationId establishment,
            long category,
            AccountId agent) {
        var ticket = driver.file(correspondent, establishment, category, "Paie", "", "", "Fermé", "Le net.");
        driver.solveAndValidate(agent, correspondent, ticket, "Relancer le calcul.");
        return ticket;
    }

    private String followUp(TicketId ticket) {
        return jdbc.sql("select follow_up_email from ticket where id = ?")
                .param(ticket.value())
                .query(String.class)
                .single();
    }
}
