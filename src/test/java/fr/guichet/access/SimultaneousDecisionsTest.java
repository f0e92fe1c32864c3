package fr.guichet.access;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.account.InterestDomain;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.People;
import fr.guichet.support.SuperAdmins;
import fr.guichet.support.TestSmtp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two super admins deciding the same request at the same moment (SECURITY.md, reliability):
 * exactly one decision is stored, the other is told it came second. In CI this runs on PostgreSQL.
 */
@IntegrationTest
class SimultaneousDecisionsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    AccessRequests requests;

    @Autowired
    ServiceCatalogue services;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @RepeatedTest(5)
    void exactlyOneOfTwoSimultaneousDecisionsIsStored() throws Exception {
        var domain = People.uniqueDomain();
        var establishment = organizations.createEstablishment("Course " + domain, "C", Set.of(domain));
        var first = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Une", "Une", establishment, false, GOOD_PASSWORD);
        var second = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MADAME, "Deux", "Deux", establishment, false, GOOD_PASSWORD);
        delegation.nameFirstSuperAdmin(establishment, first);
        SuperAdmins.nameNext(mvc, accounts, first, establishment, second);
        var member = accounts.createVerified(
                People.uniqueEmail(domain), Civility.MONSIEUR, "Membre", "Marc", establishment, false, GOOD_PASSWORD);
        var service = services.define(new ServiceDefinition(
                "RACE" + Math.abs(System.nanoTime() % 1_000_000_000L),
                "Course",
                null,
                InterestDomain.PURCHASING,
                DecidedBy.SUPER_ADMINS,
                true));
        requests.ask(member, service, Optional.empty(), Locale.FRENCH, "-");
        var id = requests.pendingOf(first, establishment).get(0).id();

        var barrier = new CyclicBarrier(2);
        var executor = Executors.newFixedThreadPool(2);
        List<Callable<String>> deciders = List.of(
                () -> decide(barrier, () -> requests.decide(first, id, true, null, Locale.FRENCH, "-")),
                () -> decide(barrier, () -> requests.decide(second, id, false, "Non", Locale.FRENCH, "-")));
        var outcomes = new ArrayList<String>();
        for (var future : executor.invokeAll(deciders, 30, TimeUnit.SECONDS)) {
            outcomes.add(future.get());
        }
        executor.shutdown();

        assertThat(outcomes).containsOnlyOnce("decided").hasSize(2);
        assertThat(outcomes).anyMatch(o -> o.equals("second"));
        var stored = requests.mine(member).get(0);
        assertThat(stored.status()).isIn(AccessStatus.ACCEPTED, AccessStatus.REFUSED);
        assertThat(stored.decidedBy()).isEqualTo(stored.status() == AccessStatus.ACCEPTED ? first : second);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ? and subject <> ?")
                        .params(accounts.find(member).orElseThrow().email(), "Demande d’accès à un service")
                        .query(Long.class)
                        .single())
                .as("one decision e-mail")
                .isEqualTo(1);
    }

    private static String decide(CyclicBarrier barrier, Runnable decision) throws Exception {
        barrier.await(10, TimeUnit.SECONDS);
        try {
            decision.run();
            return "decided";
        } catch (AccessRuleRefusal refusal) {
            return refusal.messageKey().equals("access.already-decided") ? "second" : refusal.messageKey();
        } catch (OptimisticLockingFailureException simultaneous) {
            return "second";
        }
    }
}
