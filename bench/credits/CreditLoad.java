import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Credit movements posted to a running Guichet by a connected service with its own client-credentials
 * token, N clients without think time (JDK classes only).
 *
 *   java CreditLoad.java BASE CLIENT_ID CLIENT_SECRET post THREADS WARMUP_S DURATION_S ESTABLISHMENTS TAG
 *   java CreditLoad.java BASE CLIENT_ID CLIENT_SECRET retry COUNT TAG
 *   java CreditLoad.java BASE CLIENT_ID CLIENT_SECRET get WARMUP_COUNT COUNT PATH [COOKIE]
 *
 * The token: POST /oauth2/token (client_secret_basic, grant_type=client_credentials, scope=credits),
 * shared by the threads, fetched again 60 s before it expires (expires_in) or on a 401 (the request
 * is then sent once more).
 *
 * post: each thread posts movements {"id":"TAG-t<thread>-<n>","direction":"DEBIT","amount":1,
 * "kind":"MAPA","date":<a day of the last four weeks>} to /api/v1/organizations/{1..ESTABLISHMENTS,
 * at random}/credits, each id once; a 201 is a success, anything else an error. Prints one line:
 * clients per_s p50_ms p95_ms p99_ms count errors created_all (count: the 201s of the measured
 * window; created_all: every 201, warm-up included, for the ledger check).
 * retry: posts COUNT movements with ids TAG-<n> to establishment 1 (4 threads), then the same COUNT
 * again: prints "first_201 first_other second_200 second_other"; expects COUNT, 0, COUNT, 0.
 * get: GET PATH (with the service's token, or with the session cookie COOKIE when given) WARMUP_COUNT
 * times, then COUNT times measured, one after the other; every answer must be 200. Prints
 * "per_s p50_ms p95_ms p99_ms count bytes" (per_s: the measured requests over their time).
 */
public class CreditLoad {

    static String base;
    static String basic;
    static final Object TOKEN_LOCK = new Object();
    static volatile String token;
    static volatile long tokenRenewAt;
    static final AtomicLong TOKENS = new AtomicLong();
    static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        base = args[0];
        basic = "Basic " + Base64.getEncoder()
                .encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        switch (args[3]) {
            case "post" -> post(Integer.parseInt(args[4]), Long.parseLong(args[5]), Long.parseLong(args[6]),
                    Integer.parseInt(args[7]), args[8]);
            case "retry" -> retry(Integer.parseInt(args[4]), args[5]);
            case "get" -> get(Integer.parseInt(args[4]), Integer.parseInt(args[5]), args[6],
                    args.length > 7 ? args[7] : null);
            default -> throw new IllegalArgumentException("mode: post, retry or get");
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The current token; a new one when it is about to expire, or when {@code refused} was refused (a 401). */
    static String token(HttpClient http, String refused) throws Exception {
        synchronized (TOKEN_LOCK) {
            if (token == null || System.nanoTime() >= tokenRenewAt || token.equals(refused)) {
                var answer = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                                .header("Authorization", basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=credits"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var m = ACCESS_TOKEN.matcher(answer.body());
                if (answer.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("token refused: " + answer.statusCode() + " " + answer.body());
                }
                var e = EXPIRES_IN.matcher(answer.body());
                long expiresIn = e.find() ? Long.parseLong(e.group(1)) : 300;
                token = m.group(1);
                tokenRenewAt = System.nanoTime() + Math.max(10, expiresIn - 60) * 1_000_000_000L;
                TOKENS.incrementAndGet();
            }
            return token;
        }
    }

    /** Sends with the service's token; on a 401, once more with a new token. */
    static HttpResponse<String> authorized(HttpClient http, HttpRequest.Builder request) throws Exception {
        var used = token(http, null);
        var answer = http.send(request.copy().header("Authorization", "Bearer " + used).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 401) {
            var fresh = token(http, used);
            answer = http.send(request.copy().header("Authorization", "Bearer " + fresh).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        return answer;
    }

    static HttpRequest.Builder movement(long establishment, String id, LocalDate day) {
        var json = "{\"id\":\"" + id + "\",\"direction\":\"DEBIT\",\"amount\":1,\"kind\":\"MAPA\",\"date\":\"" + day + "\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/organizations/" + establishment + "/credits"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** Days in the agency's time zone: never in the future for the application. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    static void post(int threads, long warmupS, long durationS, int establishments, String tag) throws Exception {
        long warmup = warmupS * 1_000_000_000L;
        long duration = durationS * 1_000_000_000L;
        var errors = new AtomicLong();
        var createdAll = new AtomicLong();
        var perThread = new long[threads][];
        var counts = new int[threads];
        var ready = new CountDownLatch(threads);
        var start = new CountDownLatch(1);
        long[] window = new long[2];
        var today = today();
        token(client(), null);
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            var t = new Thread(() -> {
                var latencies = new long[1 << 16];
                int count = 0;
                try {
                    var http = client();
                    var random = ThreadLocalRandom.current();
                    ready.countDown();
                    start.await();
                    for (long seq = 1; System.nanoTime() < window[1]; seq++) {
                        var request = movement(1 + random.nextInt(establishments), tag + "-t" + n + "-" + seq,
                                today.minusDays(random.nextInt(28)));
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            var answer = authorized(http, request);
                            status = answer.statusCode();
                            if (status != 201) {
                                System.err.println("thread " + n + ": HTTP " + status + " " + answer.body());
                            }
                        } catch (java.io.IOException e) {
                            System.err.println("thread " + n + ": " + e);
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (status == 201) {
                            createdAll.incrementAndGet();
                        }
                        if (t0 >= window[0]) {
                            if (status == 201) {
                                if (count == latencies.length) {
                                    latencies = Arrays.copyOf(latencies, count * 2);
                                }
                                latencies[count++] = t1 - t0;
                            } else {
                                errors.incrementAndGet();
                            }
                        } else if (status != 201) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    System.err.println("thread " + n + ": " + e);
                    errors.incrementAndGet();
                    ready.countDown();
                }
                perThread[n] = latencies;
                counts[n] = count;
            });
            workers.add(t);
            t.start();
        }
        ready.await();
        window[0] = System.nanoTime() + warmup;
        window[1] = window[0] + duration;
        start.countDown();
        for (var t : workers) {
            t.join();
        }
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        var all = new long[total];
        int at = 0;
        for (int i = 0; i < threads; i++) {
            System.arraycopy(perThread[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d\t%d%n", threads, total / (duration / 1e9),
                pct(all, 50), pct(all, 95), pct(all, 99), total, errors.get(), createdAll.get());
        System.err.println("tokens fetched: " + TOKENS.get());
        if (total == 0) {
            System.exit(1);
        }
    }

    static void retry(int count, String tag) throws Exception {
        var today = today();
        token(client(), null);
        long[][] passes = new long[2][2];
        for (int pass = 0; pass < 2; pass++) {
            var expected = pass == 0 ? 201 : 200;
            var good = new AtomicLong();
            var other = new AtomicLong();
            var workers = new ArrayList<Thread>();
            int threads = 4;
            for (int i = 0; i < threads; i++) {
                int n = i;
                var t = new Thread(() -> {
                    var http = client();
                    for (int k = n; k < count; k += threads) {
                        try {
                            var answer = authorized(http, movement(1, tag + "-" + k, today));
                            if (answer.statusCode() == expected) {
                                good.incrementAndGet();
                            } else {
                                System.err.println(tag + "-" + k + ": HTTP " + answer.statusCode() + " " + answer.body());
                                other.incrementAndGet();
                            }
                        } catch (Exception e) {
                            System.err.println(tag + "-" + k + ": " + e);
                            other.incrementAndGet();
                        }
                    }
                });
                workers.add(t);
                t.start();
            }
            for (var t : workers) {
                t.join();
            }
            passes[pass][0] = good.get();
            passes[pass][1] = other.get();
        }
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d%n", passes[0][0], passes[0][1], passes[1][0], passes[1][1]);
    }

    static void get(int warmupCount, int count, String path, String cookie) throws Exception {
        var http = client();
        var latencies = new long[count];
        long bytes = 0;
        long measuredFrom = 0;
        for (int i = 0; i < warmupCount + count; i++) {
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            if (i == warmupCount) {
                measuredFrom = t0;
            }
            HttpResponse<String> answer;
            if (cookie != null) {
                answer = http.send(request.header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            } else {
                answer = authorized(http, request);
            }
            long t1 = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + answer.statusCode() + " " + answer.body());
            }
            if (i >= warmupCount) {
                latencies[i - warmupCount] = t1 - t0;
                bytes = answer.body().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d%n", count / seconds, pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), count, bytes);
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
