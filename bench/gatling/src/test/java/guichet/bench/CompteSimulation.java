package guichet.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * (b) "Mon compte" for people already signed in: {@code guichet.users} virtual users sign in
 * once each (requests prefixed "setup "), then load GET /compte in a loop, without think time
 * (a closed model of that many concurrent users): for the warm-up (prefixed "warm-up "), then
 * for the measured duration ("GET /compte").
 */
public class CompteSimulation extends Simulation {

    static ChainBuilder compte(String name) {
        return exec(http(name).get("/compte")
                .check(status().is(200))
                .check(substring("name=\"_csrf\"").exists()));
    }

    {
        var members = scenario("signed-in members")
                .feed(Guichet.accounts())
                .exec(Guichet.signIn("setup "))
                .exec(during(Guichet.WARMUP).on(compte("warm-up GET /compte")))
                .exec(during(Guichet.DURATION).on(compte("GET /compte")));
        setUp(members.injectOpen(atOnceUsers(Guichet.USERS)))
                .protocols(Guichet.PROTOCOL)
                .maxDuration(Guichet.maxDuration())
                .assertions(Guichet.assertions());
    }
}
