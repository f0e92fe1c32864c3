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
 * (c) Issue 4's pages for people already signed in, each holding 50 grants in a catalogue of 200
 * services (../load.sh access adds them): the catalogue with every domain open
 * (GET /services?domaines=tous) and "Mes outils et services" (GET /mes-services), in a loop
 * without think time, after a warm-up.
 */
public class ServicesSimulation extends Simulation {

    static ChainBuilder pages(String prefix) {
        return exec(http(prefix + "GET /services?domaines=tous").get("/services?domaines=tous")
                        .check(status().is(200))
                        .check(substring("data-testid=\"service\"").count().gte(200)))
                .exec(http(prefix + "GET /mes-services").get("/mes-services")
                        .check(status().is(200))
                        .check(substring("data-testid=\"service-name\"").count().is(50)));
    }

    {
        var members = scenario("members with 50 grants")
                .feed(Guichet.accounts())
                .exec(Guichet.signIn("setup "))
                .exec(during(Guichet.WARMUP).on(pages("warm-up ")))
                .exec(during(Guichet.DURATION).on(pages("")));
        setUp(members.injectOpen(atOnceUsers(Guichet.USERS)))
                .protocols(Guichet.PROTOCOL)
                .maxDuration(Guichet.maxDuration())
                .assertions(Guichet.assertions());
    }
}
