package fr.guichet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak 26 (Maven Central's distribution, unpacked once into target/keycloak) as the
 * identity provider of the federation tests: realm {@code guichet} from src/test/keycloak, its
 * database in memory, started at most once per test JVM and stopped with it. A test class using it
 * is skipped when it cannot start — and fails under CI=true. {@code GUICHET_TEST_KEYCLOAK_URL}
 * points to one already running instead.
 */
public final class Keycloak implements ExecutionCondition {

    public static final String REALM = "guichet";

    private static final String VERSION = "26.7.3";
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path HOME = PROJECT.resolve("target/keycloak/keycloak-" + VERSION);
    private static final Path LOG = PROJECT.resolve("target/keycloak.log");
    private static final String ADMIN_PASSWORD = "admin-of-the-tests";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String url;
    private static String failure;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var started = start();
        if (started != null) {
            return ConditionEvaluationResult.enabled("Keycloak at " + started);
        }
        var message = "The identity provider tests need Keycloak: " + failure + " (see " + LOG + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; on CI they must run, not be skipped");
        }
        return ConditionEvaluationResult.disabled(message);
    }

    /** Its address, e.g. http://localhost:41234 (it is up). */
    public static String url() {
        if (start() == null) {
            throw new IllegalStateException("Keycloak is not running: " + failure);
        }
        return url;
    }

    public static String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    /** The realm's SAML signing certificate, base64, from its metadata. */
    public static String samlCertificate() throws Exception {
        var metadata = get(realmUrl() + "/protocol/saml/descriptor");
        var matcher = Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>")
                .matcher(metadata);
        if (!matcher.find()) {
            throw new IllegalStateException("no signing certificate in the realm's metadata");
        }
        return matcher.group(1);
    }

    /** Creates a person of the realm who signs in with this username and password. */
    public static synchronized void createUser(
            String username,
            String password,
            String email,
            String firstName,
            String lastName,
            Map<String, List<String>> attributes)
            throws Exception {
        var user = Map.of(
                "username", username,
                "enabled", true,
                "email", email,
                "emailVerified", true,
                "firstName", firstName,
                "lastName", lastName,
                "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        allowOwnAttributes();
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + "/users"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Keycloak refused the user: " + response.statusCode() + " " + response.body());
        }
    }

    private static boolean ownAttributesAllowed;

    /**
     * Keycloak keeps only the attributes its user profile declares; a federation's (eppn,
     * supannEtablissement, affiliation) are let through as they are.
     */
    private static void allowOwnAttributes() throws Exception {
        if (ownAttributesAllowed) {
            return;
        }
        var address = URI.create(url() + "/admin/realms/" + REALM + "/users/profile");
        var token = adminToken();
        var profile = (tools.jackson.databind.node.ObjectNode) JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(address)
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        profile.put("unmanagedAttributePolicy", "ENABLED");
        var response = HTTP.send(
                HttpRequest.newBuilder(address)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(profile)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the user profile: " + response.body());
        }
        ownAttributesAllowed = true;
    }

    private static String adminToken() throws Exception {
        var form = Map.of(
                        "grant_type", "password",
                        "client_id", "admin-cli",
                        "username", "admin",
                        "password", ADMIN_PASSWORD)
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static String get(String address) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static synchronized String start() {
        if (url != null || failure != null) {
            return url;
        }
        var given = System.getenv("GUICHET_TEST_KEYCLOAK_URL");
        if (given != null && !given.isBlank()) {
            url = given.replaceAll("/+$", "");
            return url;
        }
        try {
            unpack();
            var realm = HOME.resolve("data/import/" + REALM + "-realm.json");
            Files.createDirectories(realm.getParent());
            Files.copy(
                    PROJECT.resolve("src/test/keycloak/" + REALM + "-realm.json"),
                    realm,
                    StandardCopyOption.REPLACE_EXISTING);
            int free;
            try (var socket = new ServerSocket(0)) {
                free = socket.getLocalPort();
            }
            var builder = new ProcessBuilder(
                            HOME.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-port=" + free,
                            "--db=dev-mem",
                            "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_APPEND", "-Xms256m -Xmx768m");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            var process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }));
            var candidate = "http://localhost:" + free;
            failure = StartedServer.awaitUp(process, candidate + "/realms/" + REALM, Duration.ofSeconds(300));
            if (failure == null) {
                url = candidate;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = e.toString();
        }
        return url;
    }

    /** The distribution from Maven Central, unpacked with Maven the first time. */
    private static void unpack() throws IOException, InterruptedException {
        if (Files.isExecutable(HOME.resolve("bin/kc.sh"))) {
            return;
        }
        var maven = new ProcessBuilder(
                        PROJECT.resolve("mvnw").toString(),
                        "-q",
                        "-B",
                        "-f",
                        PROJECT.resolve("src/test/keycloak/pom.xml").toString(),
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack-dependencies",
                        "-DoutputDirectory=" + PROJECT.resolve("target/keycloak"))
                .redirectErrorStream(true)
                .redirectOutput(PROJECT.resolve("target/keycloak-unpack.log").toFile())
                .start();
        if (!maven.waitFor(900, TimeUnit.SECONDS)
                || maven.exitValue() != 0
                || !Files.isExecutable(HOME.resolve("bin/kc.sh"))) {
            maven.destroy();
            throw new UncheckedIOException(
                    new IOException("could not fetch Keycloak from Maven Central (target/keycloak-unpack.log)"));
        }
    }
}
