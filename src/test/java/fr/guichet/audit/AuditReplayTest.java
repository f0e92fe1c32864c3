package fr.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.RightGranted;
import fr.guichet.organization.Organizations;
import fr.guichet.support.ModuleTest;
import fr.guichet.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event delivered again, as the publication registry does after a crash between the listener's
 * commit and the publication's completion, leaves one entry in the trail.
 */
@ModuleTest
class AuditReplayTest {

    @MockitoBean
    Delegation delegation;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    Accounts accounts;

    final AccountEventsAudit accountListener;
    final AdministrationAudit administrationListener;
    final AuditTrail trail;
    final IncompleteEventPublications incomplete;
    final TransactionTemplate transactions;
    final JdbcClient jdbc;
    final String target = "replay-" + UUID.randomUUID() + "@audit.test";

    AuditReplayTest(
            AccountEventsAudit accountListener,
            AdministrationAudit administrationListener,
            AuditTrail trail,
            IncompleteEventPublications incomplete,
            TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.accountListener = AopTestUtils.getUltimateTargetObject(accountListener);
        this.administrationListener = AopTestUtils.getUltimateTargetObject(administrationListener);
        this.trail = trail;
        this.incomplete = incomplete;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @AfterEach
    void theTrailAsItWas() {
        // the trail itself never deletes but past its retention period: only the test takes back what it wrote
        jdbc.sql("delete from audit_entry where target = ?").param(target).update();
    }

    @Test
    void theSameEventDeliveredTwiceIsOneEntry() {
        var event =
                new RightGranted(new AccountId(42), 9L, target, "ADMIN", "CREATE_USERS", "192.0.2.5", Instant.now());

        administrationListener.on(event);
        administrationListener.on(event);

        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void twoEventsAlikeButForTheirTimeAreTwoEntries() {
        var at = Instant.now();
        administrationListener.on(
                new RightGranted(new AccountId(42), 9L, target, "ADMIN", "CREATE_USERS", "192.0.2.5", at));
        administrationListener.on(new RightGranted(
                new AccountId(42), 9L, target, "ADMIN", "CREATE_USERS", "192.0.2.5", at.plusNanos(1000)));

        assertThat(entries()).isEqualTo(2);
    }

    @Test
    void twoDeliveriesAtOnceLeaveOneEntryAndBothComplete() throws Exception {
        var event =
                new RightGranted(new AccountId(42), 9L, target, "ADMIN", "CREATE_USERS", "192.0.2.5", Instant.now());
        var firstWrote = new CountDownLatch(1);
        var firstMayCommit = new CountDownLatch(1);

        // the first holds its entry uncommitted: the second does not see it, inserts, and waits on the index
        // two threads of their own: the common pool may have a single one on a small machine
        var threads = Executors.newFixedThreadPool(2);
        try {
            var first = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> {
                        administrationListener.on(event);
                        firstWrote.countDown();
                        waitFor(firstMayCommit);
                    }),
                    threads);
            assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
            var second = CompletableFuture.runAsync(
                    () -> transactions.executeWithoutResult(status -> administrationListener.on(event)), threads);
            // the second waits on the unique index for the first's transaction: the database says so
            await().atMost(Duration.ofSeconds(10)).until(this::someoneWaitsOnALock);
            assertThat(second).as("waits on the index for the first delivery").isNotDone();
            firstMayCommit.countDown();

            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS); // no exception: the publication would be marked completed
        } finally {
            threads.shutdownNow();
        }
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aPublicationLeftIncompleteByACrashAndResubmittedWritesNoSecondEntry(Scenario scenario) {
        var registered = new AccountRegistered(new AccountId(41), target, 7L, true, "192.0.2.4", Instant.now());
        scenario.publish(registered)
                .andWaitForStateChange(() -> completed() && entries() == 1)
                .andVerify(done -> assertThat(entries()).isEqualTo(1));

        // the node died after the listener's commit, before the registry recorded the completion
        var reopened = jdbc.sql("""
                        update event_publication set completion_date = null, status = 'PROCESSING'
                        where serialized_event like ? and listener_id like ?""")
                .param("%" + target + "%")
                .param("%AccountEventsAudit%")
                .update();
        assertThat(reopened).isEqualTo(1);

        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent() instanceof AccountRegistered r && target.equals(r.target()));

        await().atMost(Duration.ofSeconds(10)).until(this::completed);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void theListenerCalledAgainOnTheSameRegistrationWritesNothing() {
        var registered = new AccountRegistered(new AccountId(41), target, 7L, true, "192.0.2.4", Instant.now());

        accountListener.on(registered);
        accountListener.on(registered);

        assertThat(entries()).isEqualTo(1);
    }

    private boolean someoneWaitsOnALock() {
        var sql = TestDatabase.name().equals("postgresql")
                ? "select count(*) from pg_locks where not granted"
                // H2 names no blocker for a row's wait: the second's insert is still executing
                : "select count(*) from information_schema.sessions"
                        + " where lower(executing_statement) like '%insert into audit_entry%'";
        return jdbc.sql(sql).query(Long.class).single() > 0;
    }

    private long entries() {
        return jdbc.sql("select count(*) from audit_entry where target = ?")
                .param(target)
                .query(Long.class)
                .single();
    }

    private boolean completed() {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where serialized_event like ? and listener_id like ? and completion_date is not null""")
                        .param("%" + target + "%")
                        .param("%AccountEventsAudit%")
                        .query(Long.class)
                        .single()
                == 1;
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
