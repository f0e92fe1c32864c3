package fr.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.events.AccountRegistered;
import fr.guichet.administration.Delegation;
import fr.guichet.administration.RightGranted;
import fr.guichet.organization.Organizations;
import fr.guichet.support.ModuleTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The seam between the audited modules and the trail: their events, published in a transaction,
 * become entries after the commit, under the action the trail has always stored for them. Only the
 * audit module runs; the modules its log page asks are mocked.
 */
@ModuleTest
class AuditedEventsModuleTest {

    @MockitoBean
    Delegation delegation;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    Accounts accounts;

    final AuditTrail trail;
    final JdbcClient jdbc;
    final String target = "module-test-" + UUID.randomUUID() + "@audit.test";

    AuditedEventsModuleTest(AuditTrail trail, JdbcClient jdbc) {
        this.trail = trail;
        this.jdbc = jdbc;
    }

    @AfterEach
    void theTrailAsItWas() {
        // the trail itself never deletes: only the test takes back what it wrote
        jdbc.sql("delete from audit_entry where target = ?").param(target).update();
    }

    @Test
    void aRegistrationReachesTheTrailAsAccountRegistered(Scenario scenario) {
        var at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        scenario.publish(new AccountRegistered(new AccountId(41), target, 7L, true, "192.0.2.4", at))
                .andWaitForStateChange(this::entries, found -> !found.isEmpty())
                .andVerify(found -> {
                    assertThat(found).singleElement().satisfies(entry -> {
                        assertThat(entry.action()).isEqualTo("ACCOUNT_REGISTERED");
                        assertThat(entry.actorAccountId()).isEqualTo(41L);
                        assertThat(entry.sourceAddress()).isEqualTo("192.0.2.4");
                        assertThat(entry.details()).isEqualTo("organization=7 confirmed");
                    });
                });
    }

    @Test
    void aGrantedRightReachesTheTrailUnderItsOrganisation(Scenario scenario) {
        var at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        scenario.publish(new RightGranted(new AccountId(42), 9L, target, "ADMIN", "CREATE_USERS", "192.0.2.5", at))
                .andWaitForStateChange(this::entries, found -> !found.isEmpty())
                .andVerify(found -> {
                    assertThat(found).singleElement().satisfies(entry -> {
                        assertThat(entry.action()).isEqualTo("RIGHT_GRANTED");
                        assertThat(entry.actorAccountId()).isEqualTo(42L);
                        assertThat(entry.actingOrganizationId()).isEqualTo(9L);
                        assertThat(entry.details()).isEqualTo("ADMIN CREATE_USERS");
                    });
                });
    }

    private List<AuditEntry> entries() {
        return trail.findByTargetOrderByIdDesc(target, PageRequest.of(0, 10));
    }
}
