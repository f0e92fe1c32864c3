package fr.guichet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.sun.net.httpserver.HttpServer;
import fr.guichet.access.ServiceCatalogue;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Visitor;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * The webhooks as a connected service receives them, on a real HTTP server started here (the JDK's)
 * that checks each signature as the service would, with its own HMAC code, and answers 500 to its
 * first delivery: the delivery comes again, with the same event id, until it is accepted.
 */
@IntegrationTest
class WebhookDeliveryTest {

    record Received(String eventId, String signature, String body, boolean accepted) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    ObjectMapper json;

    HttpServer server;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    ConnectedWorld world;

    @BeforeEach
    void aServiceListening() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the first delivery it ever gets fails: the service was down
            var accepted = calls.incrementAndGet() > 1;
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Guichet-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Guichet-Signature"),
                    body,
                    accepted));
            exchange.sendResponseHeaders(accepted ? 204 : 500, -1);
            exchange.close();
        });
        server.start();
        world = new ConnectedWorld(mvc, accounts)
                .build(
                        organizations,
                        delegation,
                        catalogue,
                        "http://localhost:" + server.getAddress().getPort() + "/hooks");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void grantsAndRolesReachTheServiceSignedAtLeastOnceAndRecognisableByTheirId() throws Exception {
        world.setRoles(Set.of("BUYER", "PCAO"));
        Visitor.signedIn(mvc, world.notGranted)
                .perform(post("/services/{id}/demande", world.service.value()).with(csrf()));

        await().atMost(Duration.ofSeconds(20)).until(() -> accepted().size() >= 2);
        var events = accepted().stream().map(this::read).toList();
        assertThat(events).extracting(e -> e.get("type")).containsExactlyInAnyOrder("roles.changed", "grant.given");
        var roles = events.stream()
                .filter(e -> e.get("type").equals("roles.changed"))
                .findFirst()
                .orElseThrow();
        assertThat(roles.get("sub")).isEqualTo(String.valueOf(world.grantedId.value()));
        assertThat(roles.get("client_id")).isEqualTo(world.clientId);
        assertThat(roles.get("roles")).isEqualTo(List.of("BUYER", "PCAO"));
        assertThat(roles.get("organization")).isEqualTo(Map.of("id", String.valueOf(world.establishment.value())));
        var given = events.stream()
                .filter(e -> e.get("type").equals("grant.given"))
                .findFirst()
                .orElseThrow();
        assertThat(given.get("grant"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("id", "since");

        // the refused first delivery came again, the same event, and was accepted the second time
        var first = received.get(0);
        assertThat(first.accepted()).isFalse();
        assertThat(accepted()).extracting(Received::eventId).contains(first.eventId());
        assertThat(received)
                .allSatisfy(r -> assertThat(signatureIsValid(r, world.webhookSecret))
                        .as("signature of %s", r.eventId())
                        .isTrue());
        assertThat(accepted()).extracting(Received::eventId).doesNotHaveDuplicates();

        // a revocation, after a rotation of the secrets: signed with the new webhook secret
        var rotated = org.jsoup.Jsoup.parse(world.admin
                .perform(post("/administration/services-connectes/{id}/secrets", world.service.value())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString());
        var newSecret = rotated.selectFirst("[data-testid=webhook-secret]").text();
        assertThat(newSecret).isNotEqualTo(world.webhookSecret);
        world.revokeGrant(Long.parseLong((String) ((Map<?, ?>) given.get("grant")).get("id")));
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted().size() >= 3);
        var revoked = accepted().get(accepted().size() - 1);
        assertThat(read(revoked).get("type")).isEqualTo("grant.revoked");
        assertThat(signatureIsValid(revoked, newSecret)).isTrue();
        assertThat(signatureIsValid(revoked, world.webhookSecret)).isFalse();
    }

    private List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(Received r) {
        return json.readValue(r.body(), Map.class);
    }

    /** As a service checks it: t=…,v1=… where v1 is HMAC-SHA256("t.body"), and t is recent. */
    private static boolean signatureIsValid(Received r, String secret) throws Exception {
        var parts = Map.of(
                "t", r.signature().replaceAll(".*t=(\\d+).*", "$1"),
                "v1", r.signature().replaceAll(".*v1=([0-9a-f]+).*", "$1"));
        var t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
            return false;
        }
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var expected = mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }
}
