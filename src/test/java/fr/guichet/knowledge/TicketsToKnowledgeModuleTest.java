package fr.guichet.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Publication;
import fr.guichet.support.ModuleTest;
import fr.guichet.support.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The seam between the helpdesk and the knowledge base: the act that makes a ticket publishable,
 * once committed, reaches the knowledge base, which writes the ticket's sheet. The knowledge base
 * runs with the modules it stands on, and without access, administration, audit or the demo.
 */
@ModuleTest(
        value = BootstrapMode.ALL_DEPENDENCIES,
        extraIncludes = {
            "account.security",
            "account.settings",
            "account.places",
            "alerts",
            "account.registration",
            "account.invitations",
            "helpdesk.tickets",
            "helpdesk.reference",
            "helpdesk.calendar",
            "helpdesk.search",
            "documents",
            "administration",
            "notification",
            "organization"
        })
class TicketsToKnowledgeModuleTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    final ApplicationContext context;
    final KnowledgeSearch search;

    TicketsToKnowledgeModuleTest(ApplicationContext context, KnowledgeSearch search) {
        this.context = context;
        this.search = search;
    }

    @Test
    void theValidationOfASolutionPublishesTheTicketsSheet(Scenario scenario) {
        var site = PublishingSite.create(
                context, "Université de Bretagne Occidentale", new String[] {"Maëlle", "Quéré"}, new String[] {
                    "Erwan", "Le Goff"
                });
        var driver = site.driver();
        var title = "Mandats rejetés par la trésorerie " + site.marker();
        var ticket = driver.file(
                site.correspondent(),
                site.establishment(),
                site.category(),
                "Dépenses",
                null,
                null,
                title,
                "Les mandats de la paie sont rejetés depuis la mise à jour.");
        driver.act(site.agent(), ticket, Action.TAKE, null);
        driver.act(site.agent(), ticket, Action.SEND_SOLUTION, "Reprendre le paramétrage des comptes de tiers.");

        scenario.stimulate(() -> driver.act(site.correspondent(), ticket, Action.VALIDATE_SOLUTION, null))
                .andWaitForStateChange(() -> search.sheet(ticket.value()).orElse(null))
                .andVerify(sheet -> {
                    assertThat(sheet.publication()).isEqualTo(Publication.SOLVED);
                    assertThat(sheet.title()).isEqualTo(title);
                    assertThat(sheet.answer()).isEqualTo("Reprendre le paramétrage des comptes de tiers.");
                });
    }
}
