package fr.guichet.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * The fuzzing of the parsers that read outside input, unit by unit, so that a million inputs cost
 * minutes: a property is run over generated inputs (a generator a try, from the run's seed), each
 * input must give one of the answers the property allows within a time limit, and what came of
 * the run is counted and printed ("fuzz NAME: N tries in S s (seed X): {outcome=count...}", the line
 * {@code bench/fuzz.sh} reads).
 *
 * <p>System properties: {@code guichet.fuzz.tries} (each property's tries; else its CI default),
 * {@code guichet.fuzz.seed} (replays a run: every failure names its seed), {@code guichet.fuzz.try}
 * (replays one try of that seed alone), {@code guichet.fuzz.timeout-ms} (an input taking longer is a
 * hang, a failure: default {@value #DEFAULT_TIMEOUT_MS}). A failing input is written to
 * {@code target/fuzz-failures/}.
 */
public final class Fuzz {

    public static final long SEED = Long.getLong("guichet.fuzz.seed", System.nanoTime());
    static final long DEFAULT_TIMEOUT_MS = 5_000;
    static final long TIMEOUT_MS = Long.getLong("guichet.fuzz.timeout-ms", DEFAULT_TIMEOUT_MS);
    private static final Integer ONLY_TRY = Integer.getInteger("guichet.fuzz.try");

    private Fuzz() {}

    /** What a property answers for one input: a name for the outcome (accepted, refused and why...). */
    @FunctionalInterface
    public interface Property<T> {
        String outcome(T input) throws Exception;
    }

    /** The tries of a property: {@code guichet.fuzz.tries}, else what it runs in CI. */
    public static int tries(int inCi) {
        return Integer.getInteger("guichet.fuzz.tries", inCi);
    }

    /**
     * Runs {@code property} over {@code tries} inputs of {@code inputs}; {@code bytes} says how an
     * input is saved when it fails. An exception, a failed assertion or an input over the time
     * limit fails the test, naming the seed and the try.
     */
    public static <T> Map<String, Long> check(
            String name,
            int tries,
            Function<SplittableRandom, T> inputs,
            Function<T, byte[]> bytes,
            Property<T> property) {
        var outcomes = new TreeMap<String, Long>();
        var current = new AtomicReference<T>();
        var attempt = new AtomicInteger(-1);
        var startedAt = new AtomicLong(System.nanoTime());
        var failure = new AtomicReference<Throwable>();
        // the slowest input: how far from the time limit a run came, and which try to look at
        var slowest = new long[] {0, -1};
        var from = ONLY_TRY == null ? 0 : ONLY_TRY;
        var to = ONLY_TRY == null ? tries : ONLY_TRY + 1;
        // the inputs run on a thread of their own, watched from here: a hang fails the test
        // instead of holding the build, and the input that hung is kept
        var worker = new Thread(
                () -> {
                    try {
                        for (var i = from; i < to; i++) {
                            var input = inputs.apply(random(i));
                            current.set(input);
                            startedAt.set(System.nanoTime());
                            attempt.set(i);
                            outcomes.merge(property.outcome(input), 1L, Long::sum);
                            var took = System.nanoTime() - startedAt.get();
                            if (took > slowest[0]) {
                                slowest[0] = took;
                                slowest[1] = i;
                            }
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "fuzz " + name);
        worker.setDaemon(true);
        var start = System.nanoTime();
        worker.start();
        try {
            while (worker.isAlive()) {
                worker.join(50);
                var running = attempt.get();
                var took = (System.nanoTime() - startedAt.get()) / 1_000_000;
                if (worker.isAlive() && running >= 0 && took > TIMEOUT_MS && attempt.get() == running) {
                    var stack = worker.getStackTrace();
                    worker.interrupt();
                    var hang = new AssertionFailedError("%s: no answer after %d ms, at:%n  %s"
                            .formatted(
                                    name,
                                    took,
                                    String.join(
                                            "\n  ",
                                            Arrays.stream(stack)
                                                    .limit(25)
                                                    .map(String::valueOf)
                                                    .toList())));
                    throw failed(name, running, bytes.apply(current.get()), hang);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw failed(name, attempt.get(), bytes.apply(current.get()), failure.get());
        }
        System.out.printf(
                "fuzz %s: %,d tries in %.1f s (seed %d): %s; slowest %.1f ms (try %d)%n",
                name, to - from, (System.nanoTime() - start) / 1e9, SEED, outcomes, slowest[0] / 1e6, slowest[1]);
        var counted = outcomes.values().stream().mapToLong(Long::longValue).sum();
        if (counted != to - from) {
            throw new AssertionFailedError(name + ": " + counted + " outcomes for " + (to - from) + " tries");
        }
        return outcomes;
    }

    /** Text inputs, saved as UTF-8. */
    public static Map<String, Long> checkText(
            String name, int tries, Function<SplittableRandom, String> inputs, Property<String> property) {
        return check(name, tries, inputs, text -> text.getBytes(StandardCharsets.UTF_8), property);
    }

    /** Byte inputs. */
    public static Map<String, Long> checkBytes(
            String name, int tries, Function<SplittableRandom, byte[]> inputs, Property<byte[]> property) {
        return check(name, tries, inputs, Function.identity(), property);
    }

    /** One generator a try, from the run's seed: a try is replayed alone from the seed and its number. */
    static SplittableRandom random(int attempt) {
        return new SplittableRandom(SEED * 31 + attempt);
    }

    private static AssertionError failed(String name, int attempt, byte[] input, Throwable cause) {
        var file = saved(name, input, attempt);
        var error = new AssertionFailedError(
                "%s, try %d of seed %d (-Dguichet.fuzz.seed=%d -Dguichet.fuzz.try=%d), %d bytes in %s: %s"
                        .formatted(name, attempt, SEED, SEED, attempt, input == null ? 0 : input.length, file, cause),
                cause);
        return error;
    }

    private static Path saved(String name, byte[] input, int attempt) {
        try {
            var directory = Files.createDirectories(Path.of("target", "fuzz-failures"));
            return Files.write(
                    directory.resolve("%s-%d-%d.bin".formatted(name.replaceAll("[^\\w-]+", "-"), SEED, attempt)),
                    input == null ? new byte[0] : input);
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }
}
