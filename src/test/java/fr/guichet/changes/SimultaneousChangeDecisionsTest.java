package fr.guichet.changes;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.CorrespondentKind;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two agents deciding the same change request at the same moment: one decision, one effect, one set of e-mails. In CI on PostgreSQL. */
@IntegrationTest
class SimultaneousChangeDecisionsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    ChangeRequests changes;

    @Autowired
    ChangeDecisions decisions;

    @Autowired
    ReferenceSetup setup;

    @Autowired
    HelpdeskReference reference;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(5)
    void exactlyOneOfTwoSimultaneousDecisionsIsTaken() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Course " + domain, "C", Set.of(domain));
        var email = People.uniqueEmail(domain);
        var correspondent =
                accounts.createVerified(email, Civility.MADAME, "Dupont", "Anne", establishment, false, GOOD_PASSWORD);
        var first = agent("Une");
        var second = agent("Deux");
        var code = "RACE-" + UUID.randomUUID().toString().substring(0, 6);
        var product = setup.defineProduct(code, "Course " + code, null);
        var version = setup.defineVersion(product, "2026.1", true);
        setup.nameCorrespondent(establishment, product, correspondent, CorrespondentKind.FUNCTIONAL, null);
        var id = changes.askInstalledVersion(correspondent, establishment, product, version, null);

        var barrier = new CyclicBarrier(2);
        var executor = Executors.newFixedThreadPool(2);
        List<Callable<String>> deciders = List.of(
                () -> decide(barrier, () -> decisions.validate(first, id)),
                () -> decide(barrier, () -> decisions.refuse(second, id, "Non")));
        var outcomes = new ArrayList<String>();
        for (var future : executor.invokeAll(deciders, 30, TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        executor.shutdown();

        assertThat(outcomes).hasSize(2).containsOnlyOnce("decided").containsOnlyOnce("changes.decided-already");
        var stored = changes.find(correspondent, id);
        assertThat(reference.installedVersion(establishment, product).isPresent())
                .as("applied if and only if validated")
                .isEqualTo(stored.status() == ChangeStatus.VALIDATED);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .as("one decision e-mail")
                .isEqualTo(1);
    }

    private AccountId agent(String name) {
        var agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", name, null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        return agent;
    }

    private static String decide(CyclicBarrier barrier, Runnable decision) throws Exception {
        barrier.await(10, TimeUnit.SECONDS);
        try {
            decision.run();
            return "decided";
        } catch (ChangeRefusal refusal) {
            return refusal.messageKey();
        }
    }
}
