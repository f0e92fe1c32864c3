package guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What both simulations share: settings (Java system properties, set by ../../load.sh), the HTTP
 * protocol, the accounts and the sign-in chain.
 *
 * <ul>
 *   <li>{@code guichet.baseUrl}: the application, default http://127.0.0.1:18080 (only loopback is accepted)</li>
 *   <li>{@code guichet.users}: concurrent virtual users (closed model), 1..64, default 8</li>
 *   <li>{@code guichet.duration}: measured seconds, default 60</li>
 *   <li>{@code guichet.warmup}: seconds of the same load before it, not measured, default 15</li>
 *   <li>{@code guichet.password}: the accounts' password (GUICHET_DEMO_PASSWORD of the application)</li>
 *   <li>{@code guichet.accounts}: {@code bench} (default): each virtual user has its own account,
 *       bench.user01@univ-montval.fr and on, which ../load.sh adds to the database; or a
 *       comma-separated list of addresses used in turn, e.g. the three demo accounts, in which case
 *       several users sign in to one account at the same time</li>
 *   <li>{@code guichet.allowFailures}: true to report failed requests instead of failing the run</li>
 * </ul>
 */
final class Guichet {

    static final String BASE_URL = System.getProperty("guichet.baseUrl", "http://127.0.0.1:18080");
    static final int USERS = Integer.getInteger("guichet.users", 8);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("guichet.duration", 60));
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("guichet.warmup", 15));
    static final String PASSWORD = System.getProperty("guichet.password", "Bench demo password 2026");
    static final String ACCOUNTS = System.getProperty("guichet.accounts", "bench");
    static final boolean ALLOW_FAILURES = Boolean.getBoolean("guichet.allowFailures");

    static {
        // Load is only ever generated against this machine, and within bounds.
        if (!BASE_URL.matches("https?://(127\\.0\\.0\\.1|localhost)(:\\d+)?/?")) {
            throw new IllegalArgumentException("guichet.baseUrl must be on 127.0.0.1 or localhost: " + BASE_URL);
        }
        if (USERS < 1 || USERS > 64) {
            throw new IllegalArgumentException("guichet.users must be within 1..64: " + USERS);
        }
        if (DURATION.isNegative() || DURATION.isZero() || DURATION.toSeconds() > 600
                || WARMUP.isNegative() || WARMUP.toSeconds() > 300) {
            throw new IllegalArgumentException("guichet.duration must be within 1..600 s and guichet.warmup within 0..300 s");
        }
    }

    static final HttpProtocolBuilder PROTOCOL = http.baseUrl(BASE_URL)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("fr-FR,fr;q=0.9")
            .userAgentHeader("Gatling (Guichet bench)");

    private Guichet() {
    }

    static List<String> emails() {
        if (ACCOUNTS.equals("bench")) {
            return IntStream.rangeClosed(1, USERS).mapToObj(i -> String.format("bench.user%02d@univ-montval.fr", i)).toList();
        }
        return Arrays.stream(ACCOUNTS.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** One account per virtual user (queue), or a shared list used in turn (circular). */
    static FeederBuilder<Object> accounts() {
        var feeder = listFeeder(emails().stream().map(email -> Map.<String, Object>of("email", email)).toList());
        return ACCOUNTS.equals("bench") ? feeder.queue() : feeder.circular();
    }

    static Assertion[] assertions() {
        return ALLOW_FAILURES ? new Assertion[0] : new Assertion[] {global().failedRequests().count().is(0L)};
    }

    static Duration maxDuration() {
        return WARMUP.plus(DURATION).plusSeconds(60);
    }

    /**
     * GET /connexion (a new session and its CSRF token), then POST /connexion with the right
     * password: 302 to the home page (to /compte for jars built before). A 302 anywhere else
     * (/connexion?erreur, ?trop) or a 500 fails.
     * Group and requests are prefixed, so that warm-up and measured figures stay apart.
     */
    static ChainBuilder signIn(String prefix) {
        return group(prefix + "sign-in").on(
                exec(http(prefix + "GET /connexion").get("/connexion")
                        .check(status().is(200))
                        .check(css("meta[name='_csrf']", "content").saveAs("csrf"))),
                exec(http(prefix + "POST /connexion").post("/connexion")
                        .formParam("email", "#{email}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302))
                        .check(headerRegex("Location", "^(https?://[^/]+)?/(compte)?$").exists())));
    }
}
