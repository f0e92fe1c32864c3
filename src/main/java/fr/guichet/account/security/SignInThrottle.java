package fr.guichet.account.security;

import fr.guichet.account.AccountProperties;
import fr.guichet.account.EmailAddress;
import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are throttled per typed address and per source address, with buckets that
 * drain: a stranger can slow an account down but never lock it out for good. The typed address
 * is throttled whether or not it has an account, so throttling reveals nothing.
 *
 * <p>The buckets are rows of the database, so that behind a load balancer without sticky sessions
 * N nodes give the same allowance as one. A bucket holds the failures not yet forgiven; each
 * refill period forgives as many as the allowance, continuously (as a token bucket with greedy
 * refill would). Keys are hashed: the table says nothing about who tried what from where.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final AccountProperties.SignIn settings;
    private final Clock clock;

    public SignInThrottle(JdbcClient jdbc, AccountProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.signIn();
        this.clock = clock;
    }

    public boolean isThrottled(String email, String address) {
        var now = clock.millis();
        return full(accountKey(email), settings.failuresPerAccount(), now)
                || full(addressKey(address), settings.failuresPerAddress(), now);
    }

    public void failed(String email, String address) {
        var now = clock.millis();
        count(accountKey(email), settings.failuresPerAccount(), now);
        count(addressKey(address), settings.failuresPerAddress(), now);
    }

    private boolean full(String key, int capacity, long now) {
        var held = jdbc.sql("select failures, counted_at from sign_in_failure where throttle_key = ?")
                .param(key)
                .query((rs, i) -> Math.max(0, rs.getDouble(1) - (now - rs.getLong(2)) * forgivenPerMilli(capacity)))
                .optional()
                .orElse(0.0);
        return capacity - held < 1;
    }

    /**
     * One statement drains and adds, so that two nodes counting at once both count (the row lock
     * orders them); an insert that meets a concurrent one yields and counts on its row instead.
     */
    private void count(String key, int capacity, long now) {
        var rate = forgivenPerMilli(capacity);
        for (int attempt = 0; attempt < 2; attempt++) {
            var updated =
                    jdbc.sql("""
                            update sign_in_failure
                            set failures = least(?, greatest(0, failures - greatest(0, ? - counted_at) * ?) + 1),
                                counted_at = greatest(counted_at, ?)
                            where throttle_key = ?""").params((double) capacity, now, rate, now, key).update();
            if (updated == 1) {
                return;
            }
            var inserted = jdbc.sql("""
                            insert into sign_in_failure (throttle_key, failures, counted_at) values (?, 1, ?)
                            on conflict do nothing""").params(key, now).update();
            if (inserted == 1) {
                return;
            }
        }
    }

    private double forgivenPerMilli(int capacity) {
        return capacity / (double) settings.refillPeriod().toMillis();
    }

    /** A bucket that has drained says nothing more: its row goes. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    @SchedulerLock(name = "sign-in-failures", lockAtMostFor = "PT10M")
    void forgetDrained() {
        jdbc.sql("delete from sign_in_failure where counted_at < ?")
                .param(clock.millis() - settings.refillPeriod().toMillis())
                .update();
    }

    private static String accountKey(String email) {
        var normalized = EmailAddress.normalize(email);
        return "A:" + Secrets.hash(normalized == null ? "" : normalized);
    }

    private static String addressKey(String address) {
        return "S:" + Secrets.hash(address == null ? "" : address);
    }
}
