package fr.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.ModuleTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Past its retention period an entry leaves the trail, in batches; what is younger stays; a second run does nothing. */
@ModuleTest
class AuditRetentionTest {

    @MockitoBean
    Delegation delegation;

    @MockitoBean
    Organizations organizations;

    @MockitoBean
    Accounts accounts;

    final AuditRetention retention;
    final JdbcClient jdbc;
    final JdbcTemplate template;
    final String target = "retention-" + UUID.randomUUID();

    AuditRetentionTest(AuditRetention retention, JdbcClient jdbc, JdbcTemplate template) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.template = template;
    }

    @AfterEach
    void theTrailAsItWas() {
        jdbc.sql("delete from audit_entry where target like ?")
                .param(target + "%")
                .update();
    }

    @Test
    void entriesOlderThanThePeriodGoInBatchesTheYoungerStayAndASecondRunFindsNothing() {
        assertThat(retention.retention()).isEqualTo(Period.ofYears(1));
        var limit = retention.limit();
        var old = AuditRetention.BATCH + 7;
        insert(target + "-old", limit.minus(Duration.ofDays(1)), old);
        insert(target + "-just-old", limit.minusSeconds(60), 1);
        insert(target + "-young", limit.plus(Duration.ofDays(1)), 3);

        var removed = retention.purge();

        assertThat(removed).isGreaterThanOrEqualTo(old + 1);
        assertThat(count(target + "-old")).isZero();
        assertThat(count(target + "-just-old")).isZero();
        assertThat(count(target + "-young")).isEqualTo(3);
        assertThat(retention.purge()).isZero();
        assertThat(count(target + "-young")).isEqualTo(3);
    }

    @Test
    void aPeriodThatCannotBeReadOrWouldEmptyTheTrailStopsTheStart() {
        var clock = Clock.systemUTC();
        assertThatThrownBy(() -> new AuditRetention(jdbc, clock, "one year"))
                .hasMessageContaining("guichet.retention.audit")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> new AuditRetention(jdbc, clock, "P0D")).hasMessageContaining("empty the trail");
        assertThat(new AuditRetention(jdbc, clock, "P18M").retention()).isEqualTo(Period.ofMonths(18));
    }

    private void insert(String what, java.time.Instant at, int times) {
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < times; i++) {
            rows.add(new Object[] {Timestamp.from(at), what});
        }
        template.batchUpdate("insert into audit_entry (occurred_at, action, target) values (?, 'USER_ADDED', ?)", rows);
    }

    private long count(String what) {
        return jdbc.sql("select count(*) from audit_entry where target = ?")
                .param(what)
                .query(Long.class)
                .single();
    }
}
