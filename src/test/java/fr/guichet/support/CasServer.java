package fr.guichet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Apereo CAS 6.6 server (Maven Central's web application, unpacked once into target/cas) for
 * the CAS sign-in tests: its users are this run's, of a domain no other run shares, with their
 * attributes (mail, givenName, sn, supannEtablissement); the portal on any port of this machine is
 * its registered service (src/test/cas). Started at most once per test JVM, stopped with it; a test
 * class using it is skipped when it cannot start — and fails under CI=true.
 */
public final class CasServer implements ExecutionCondition {

    /** The people of this run's CAS server, each signing in with {@link #password(String)}. */
    public static final List<String> USERS = List.of("nouveau", "existant", "voleur", "rejoue", "autre");

    private static final String VERSION = "6.6.12";
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path HOME = PROJECT.resolve("target/cas");
    private static final Path WEBAPP = HOME.resolve("webapp");
    private static final Path LOG = PROJECT.resolve("target/cas.log");
    private static final String DOMAIN = "cas-" + Long.toHexString(System.nanoTime()) + ".test";

    private static String url;
    private static String failure;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var started = start();
        if (started != null) {
            return ConditionEvaluationResult.enabled("CAS at " + started);
        }
        var message = "The CAS sign-in tests need a CAS server: " + failure + " (see " + LOG + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; on CI they must run, not be skipped");
        }
        return ConditionEvaluationResult.disabled(message);
    }

    /** Its address, e.g. http://localhost:41234/cas (it is up). */
    public static String url() {
        if (start() == null) {
            throw new IllegalStateException("CAS is not running: " + failure);
        }
        return url;
    }

    /** The e-mail domain of this run's users. */
    public static String domain() {
        return DOMAIN;
    }

    public static String email(String user) {
        return user + "@" + DOMAIN;
    }

    public static String password(String user) {
        return user + "-mot-de-passe";
    }

    private static synchronized String start() {
        if (url != null || failure != null) {
            return url;
        }
        try {
            unpack();
            var run = Files.createTempDirectory("guichet-cas-");
            var services = Files.createDirectories(run.resolve("services"));
            Files.copy(PROJECT.resolve("src/test/cas/guichet-service.json"), services.resolve("Guichet-1.json"));
            var attributes = new LinkedHashMap<String, Object>();
            for (var user : USERS) {
                attributes.put(
                        user,
                        Map.of(
                                "mail", List.of(email(user)),
                                "givenName", List.of("Prénom-" + user),
                                "sn", List.of("Nom-" + user),
                                "supannEtablissement", List.of("{UAI}0999999X")));
            }
            var attributeFile = run.resolve("attributes.json");
            Files.writeString(attributeFile, JsonMapper.builder().build().writeValueAsString(attributes));
            int free;
            try (var socket = new ServerSocket(0)) {
                free = socket.getLocalPort();
            }
            var candidate = "http://localhost:" + free + "/cas";
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(
                            java,
                            "-Xms256m",
                            "-Xmx768m",
                            "-cp",
                            WEBAPP.resolve("WEB-INF/classes") + ":" + WEBAPP.resolve("WEB-INF/lib") + "/*",
                            "org.apereo.cas.web.CasWebApplication",
                            "--server.ssl.enabled=false",
                            "--server.port=" + free,
                            "--cas.server.name=http://localhost:" + free,
                            "--cas.server.prefix=" + candidate,
                            "--cas.authn.accept.users="
                                    + USERS.stream()
                                            .map(u -> u + "::" + password(u))
                                            .collect(Collectors.joining(",")),
                            "--cas.service-registry.core.init-from-json=true",
                            "--cas.service-registry.json.location=file:" + services,
                            "--cas.authn.attribute-repository.json[0].location=file:" + attributeFile,
                            "--cas.tgc.secure=false")
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            failure = StartedServer.awaitUp(process, candidate + "/login", Duration.ofSeconds(240));
            if (failure == null) {
                url = candidate;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = e.toString();
        }
        return url;
    }

    /** The web application from Maven Central, fetched with Maven and unpacked the first time. */
    private static void unpack() throws IOException, InterruptedException {
        if (Files.isDirectory(WEBAPP.resolve("WEB-INF/lib"))) {
            return;
        }
        var maven = new ProcessBuilder(
                        PROJECT.resolve("mvnw").toString(),
                        "-q",
                        "-B",
                        "-f",
                        PROJECT.resolve("src/test/cas/pom.xml").toString(),
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                        "-DoutputDirectory=" + HOME)
                .redirectErrorStream(true)
                .redirectOutput(PROJECT.resolve("target/cas-fetch.log").toFile())
                .start();
        var war = HOME.resolve("cas-server-webapp-tomcat-" + VERSION + ".war");
        if (!maven.waitFor(900, TimeUnit.SECONDS) || maven.exitValue() != 0 || !Files.isRegularFile(war)) {
            maven.destroy();
            throw new UncheckedIOException(
                    new IOException("could not fetch CAS from Maven Central (target/cas-fetch.log)"));
        }
        var partial = HOME.resolve("webapp-partial");
        if (Files.exists(partial)) {
            try (var old = Files.walk(partial)) {
                for (var path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (var zip = new ZipInputStream(Files.newInputStream(war))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                var target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        Files.move(partial, WEBAPP);
    }
}
