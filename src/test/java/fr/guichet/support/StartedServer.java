package fr.guichet.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A server the tests started in a process of its own (Keycloak, CAS), awaited until it answers. */
final class StartedServer {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StartedServer() {}

    /**
     * Waits until {@code probe} answers 200, the process dies or {@code within} passes; stops the
     * process when it did not come up.
     *
     * @return null when it is up, else why not
     */
    static String awaitUp(Process process, String probe, Duration within) {
        try {
            Awaitility.await()
                    .atMost(within)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> !process.isAlive() || answers(probe));
        } catch (ConditionTimeoutException late) {
            process.destroy();
            return "it did not start within " + within.toSeconds() + " s";
        }
        if (!process.isAlive()) {
            return "it stopped while starting";
        }
        return null;
    }

    private static boolean answers(String probe) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(probe)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
