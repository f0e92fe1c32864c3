package guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * (a) Sign-in: a closed model of {@code guichet.users} concurrent visitors without think time.
 * Each virtual user, in a loop: forgets its cookies (a new visitor), loads the sign-in form and
 * signs in with the right password (one Argon2id verification on the server). The loop runs
 * for the warm-up (requests prefixed "warm-up ", not measured), then for the measured duration.
 */
public class SignInSimulation extends Simulation {

    static ChainBuilder visit(String prefix) {
        return exec(flushCookieJar()).exec(Guichet.signIn(prefix));
    }

    {
        var visitors = scenario("sign-in visitors")
                .feed(Guichet.accounts())
                .exec(during(Guichet.WARMUP).on(visit("warm-up ")))
                .exec(during(Guichet.DURATION).on(visit("")));
        setUp(visitors.injectOpen(atOnceUsers(Guichet.USERS)))
                .protocols(Guichet.PROTOCOL)
                .maxDuration(Guichet.maxDuration())
                .assertions(Guichet.assertions());
    }
}
