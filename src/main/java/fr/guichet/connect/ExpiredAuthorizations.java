package fr.guichet.connect;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Authorization Server keeps a row per authorization and never removes it: every client
 * credentials token adds one (the bench issues ~1,000 a second). Once its last token has expired a
 * row can serve nothing, and each one left slows the look-ups by token value. Removed every few
 * minutes, an hour after their last expiry, once across nodes.
 */
@Component
class ExpiredAuthorizations {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    ExpiredAuthorizations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @SchedulerLock(name = "oauth2-expired-authorizations", lockAtMostFor = "PT10M")
    void purge() {
        removeExpired();
    }

    int removeExpired() {
        // the refresh token outlives the access token, which outlives the code: the first non-null is the last expiry
        return jdbc.sql("""
                        delete from oauth2_authorization
                        where coalesce(refresh_token_expires_at, access_token_expires_at, authorization_code_expires_at) < ?""")
                .param(Timestamp.from(clock.instant().minus(KEPT_AFTER_EXPIRY)))
                .update();
    }
}
