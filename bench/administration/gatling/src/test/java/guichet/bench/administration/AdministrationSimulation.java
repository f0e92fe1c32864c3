package guichet.bench.administration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The three administration pages on the generated tree (10,000 organisations, 100,000 accounts),
 * for signed-in super admins and admins: each virtual user signs in once with an account of its
 * own (requests prefixed "setup "), then, without think time (a closed model of that many
 * concurrent users), loops over
 * <ol>
 * <li>GET /organisations (the tree: his tops and their children),
 * <li>GET /organisations/{id} (an organisation's home with the tree around it) and
 * <li>GET /organisations/{id}/utilisateurs (its users),
 * </ol>
 * each time for a random organisation of his subtree, first for the warm-up ("warm-up "
 * prefix), then for the measured duration.
 *
 * <p>Settings (Java system properties, set by ../../run.sh):
 * <ul>
 * <li>{@code guichet.baseUrl}: default http://127.0.0.1:18094 (only loopback is accepted)
 * <li>{@code guichet.people}: CSV file {@code email,kind,top,organizations} (organizations: ids of
 * the person's subtree, space-separated), one line per virtual user at least
 * <li>{@code guichet.users}: concurrent virtual users, 1..64, default 8
 * <li>{@code guichet.duration}: measured seconds (default 60), {@code guichet.warmup} (default 20)
 * <li>{@code guichet.password}: the generated accounts' password
 * </ul>
 */
public class AdministrationSimulation extends Simulation {

    static final String BASE_URL = System.getProperty("guichet.baseUrl", "http://127.0.0.1:18094");
    static final String PEOPLE = System.getProperty("guichet.people", "people.csv");
    static final int USERS = Integer.getInteger("guichet.users", 8);
    static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("guichet.duration", 60));
    static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("guichet.warmup", 20));
    static final String PASSWORD = System.getProperty("guichet.password", "Bench admin password 2026");

    static {
        // Load only ever goes to this machine, and within bounds.
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
            .userAgentHeader("Gatling (Guichet administration bench)");

    static ChainBuilder signIn() {
        return exec(http("setup GET /connexion").get("/connexion")
                        .check(status().is(200))
                        .check(css("meta[name='_csrf']", "content").saveAs("csrf")),
                http("setup POST /connexion").post("/connexion")
                        .formParam("email", "#{email}")
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(302))
                        .check(headerRegex("Location", "^(https?://[^/]+)?/(compte)?$").exists()));
    }

    /** One round of the three pages, on a random organisation of the person's subtree. */
    static ChainBuilder pages(String prefix) {
        return exec(session -> {
                    var ids = session.getString("organizations").split(" ");
                    var random = ThreadLocalRandom.current();
                    return session.set("home", ids[random.nextInt(ids.length)]).set("users", ids[random.nextInt(ids.length)]);
                })
                .exec(http(prefix + "GET /organisations").get("/organisations")
                        .check(status().is(200))
                        .check(substring("/organisations/#{top}\"").exists()))
                .exec(http(prefix + "GET /organisations/{id}").get("/organisations/#{home}")
                        .check(status().is(200))
                        .check(substring("/organisations/#{home}/utilisateurs").exists()))
                .exec(http(prefix + "GET /organisations/{id}/utilisateurs").get("/organisations/#{users}/utilisateurs")
                        .check(status().is(200))
                        .check(substring("data-testid=\"users\"").exists()));
    }

    {
        var people = scenario("administrators")
                .feed(csv(PEOPLE).queue())
                .exec(signIn())
                .exec(during(WARMUP).on(pages("warm-up ")))
                .exec(during(DURATION).on(pages("")));
        setUp(people.injectOpen(atOnceUsers(USERS)))
                .protocols(PROTOCOL)
                .maxDuration(WARMUP.plus(DURATION).plusSeconds(60))
                .assertions(new Assertion[] {global().failedRequests().count().is(0L)});
    }
}
