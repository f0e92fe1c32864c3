package fr.guichet.account.security;

import fr.guichet.account.AccountProperties;
import fr.guichet.account.EmailAddress;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are throttled per typed address and per source address, with token buckets
 * that refill: a stranger can slow an account down but never lock it out for good. The typed
 * address is throttled whether or not it has an account, so throttling reveals nothing.
 * Buckets live in this node's memory, bounded; behind a load balancer with sticky-less routing
 * each node throttles on its own, which multiplies the allowance by the number of nodes.
 */
@Component
public class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> byAccount = lru();
    private final Map<String, Bucket> byAddress = lru();
    private final AccountProperties.SignIn settings;
    private final TimeMeter time;

    public SignInThrottle(AccountProperties properties, Clock clock) {
        this.settings = properties.signIn();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    public boolean isThrottled(String email, String address) {
        return bucket(byAccount, EmailAddress.normalize(email), settings.failuresPerAccount())
                                .getAvailableTokens()
                        < 1
                || bucket(byAddress, address, settings.failuresPerAddress()).getAvailableTokens() < 1;
    }

    public void failed(String email, String address) {
        bucket(byAccount, EmailAddress.normalize(email), settings.failuresPerAccount())
                .tryConsume(1);
        bucket(byAddress, address, settings.failuresPerAddress()).tryConsume(1);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(
                    key == null ? "" : key,
                    k -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(capacity)
                                    .refillGreedy(capacity, settings.refillPeriod())
                                    .build())
                            .withCustomTimePrecision(time)
                            .build());
        }
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        });
    }
}
