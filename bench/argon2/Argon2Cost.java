import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Cost of one password verification as Guichet does it (PasswordConfiguration: Argon2id,
 * Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(): 16 MiB, 2 passes, parallelism 1,
 * 16-byte salt, 32-byte hash), i.e. what every sign-in pays once.
 *
 * Usage: java -cp "lib/*" Argon2Cost.java [iterations] [threads]
 */
public class Argon2Cost {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        var encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        var password = "Bench demo password 2026";
        var hash = encoder.encode(password);
        System.out.println("hash: " + hash.substring(0, hash.indexOf('$', hash.indexOf("p=")) ) + "$...");

        for (int i = 0; i < 15; i++) {
            check(encoder.matches(password, hash));
        }

        List<Double> times = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            check(encoder.matches(password, hash));
            times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        System.out.printf("one thread: %d verifications, median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms%n",
                iterations, times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1),
                times.get(0), times.get(times.size() - 1));

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < iterations * threads; i++) {
                tasks.add(() -> {
                    check(encoder.matches(password, hash));
                    return null;
                });
            }
            long t0 = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d threads: %d verifications in %.1f s = %.1f verifications/s (upper bound of sign-ins/s on this machine)%n",
                    threads, tasks.size(), seconds, tasks.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("verification failed");
        }
    }
}
