import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Token issuance against a running Guichet, N clients without think time (as Keycloak's figures here
 * were measured: 4 clients).
 *
 *   java TokenLoad.java BASE MODE THREADS WARMUP_S DURATION_S CLIENT_ID CLIENT_SECRET REDIRECT_URI PASSWORD
 *
 * MODE cc: POST /oauth2/token, grant_type=client_credentials (client_secret_basic).
 * MODE code: each thread signs in once as bench.user<i>@univ-montval.fr (the form, as a browser), then
 * loops over the authorization code flow with PKCE: GET /oauth2/authorize (302 with the code), POST
 * /oauth2/token (ID, access and refresh tokens). One iteration = one sign-in of a service's user.
 * Prints one line: mode threads per_s p50_ms p95_ms p99_ms iterations errors.
 */
public class TokenLoad {

    static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var mode = args[1];
        int threads = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
        long duration = Long.parseLong(args[4]) * 1_000_000_000L;
        var clientId = args[5];
        var secret = args[6];
        var redirect = args[7];
        var password = args[8];
        var basic = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicLong();
        var ready = new CountDownLatch(threads);
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int i = 1; i <= threads; i++) {
            int n = i;
            var t = new Thread(() -> {
                try {
                    var http = HttpClient.newBuilder()
                            .cookieHandler(new CookieManager())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    if (mode.equals("code")) {
                        signIn(http, base, "bench.user" + n + "@univ-montval.fr", password);
                    }
                    ready.countDown();
                    start.await();
                    while (System.nanoTime() < window[1]) {
                        long t0 = System.nanoTime();
                        boolean ok = mode.equals("cc")
                                ? clientCredentials(http, base, basic)
                                : authorizationCode(http, base, clientId, basic, redirect);
                        long t1 = System.nanoTime();
                        if (t0 >= window[0]) {
                            if (ok) {
                                latencies.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    System.err.println("thread " + n + ": " + e);
                    errors.incrementAndGet();
                    ready.countDown();
                }
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
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double perSecond = sorted.size() / (duration / 1e9);
        System.out.printf(
                "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d%n",
                mode, threads, perSecond, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size(), errors.get());
        if (sorted.isEmpty() || errors.get() > 0) {
            System.exit(1);
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static void signIn(HttpClient http, String base, String email, String password) throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /connexion");
        }
        var answer = http.send(
                form(base + "/connexion", "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        var location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("erreur") || location.contains("trop")) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + answer.statusCode() + " " + location);
        }
    }

    static boolean clientCredentials(HttpClient http, String base, String basic) throws Exception {
        var answer = http.send(
                form(base + "/oauth2/token", "grant_type=client_credentials").header("Authorization", basic).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 && answer.body().contains("access_token");
    }

    static boolean authorizationCode(HttpClient http, String base, String clientId, String basic, String redirect)
            throws Exception {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var authorize = base + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId)
                + "&scope=openid&state=s&redirect_uri=" + enc(redirect)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        var answer = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.discarding());
        var location = answer.headers().firstValue("Location").orElse("");
        var m = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (answer.statusCode() != 302 || !location.startsWith(redirect) || !m.find()) {
            return false;
        }
        var tokens = http.send(
                form(base + "/oauth2/token", "grant_type=authorization_code&code=" + m.group(1) + "&redirect_uri="
                                + enc(redirect) + "&code_verifier=" + verifier)
                        .header("Authorization", basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return tokens.statusCode() == 200 && tokens.body().contains("id_token");
    }

    static HttpRequest.Builder form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
