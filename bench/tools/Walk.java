import java.io.IOException;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The demo used as people would, for a long time (bench/walk.sh): each demo account signs in and
 * wanders its pages (a random walk over the links the pages offer, a few seconds on each), while Luc
 * asks Claire for every service of the catalogue through the API, Claire accepts and then withdraws
 * each grant, and Luc reads his mailbox page. Every answer is checked: no 5xx, no error text, no page
 * that takes more than 10 s; a sign-in lost (the session gone) is counted and the person signs in
 * again. Once a minute: the application's resident memory and its health.
 *
 * <pre>
 * java Walk.java BASE PASSWORD MINUTES APP_PID OUT_DIR
 * </pre>
 * OUT_DIR gets walk.tsv (one line per minute) and problems.txt (every answer that broke a rule).
 * No dependency: run in source-file mode, JDK 17.
 */
public class Walk {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    static final Pattern TOKEN = Pattern.compile("data-testid=\"new-token\"[^>]*>\\s*([^<\\s]+)");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern ERROR_TEXT = Pattern.compile("Exception|\\tat [a-z]+\\.|Whitelabel|SQLState|org\\.h2\\.");
    /** Links a person follows but a walk does not: signing out, files and exports, the language switch. */
    static final Pattern NOT_FOLLOWED =
            Pattern.compile("deconnexion|logout|\\.csv|\\.ics|\\.pdf|/fichiers/|/telecharg|/documents/\\d+/|lang=|/webjars/|/css/|/js/|/images/|/dev/mailbox/");

    static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    static final List<String> PROBLEMS = java.util.Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        var base = args[0];
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
            throw new IllegalArgumentException("only a local application: " + base);
        }
        var password = args[1];
        int minutes = Integer.parseInt(args[2]);
        var pid = args[3];
        var out = Path.of(args[4]);
        long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        var people = List.of(
                "admin@agence-demo.fr",
                "claire.martin@univ-montval.fr",
                "luc.moreau@univ-montval.fr",
                "paul.bernard@univ-lacbleu.fr",
                "agent@agence-demo.fr");
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < people.size(); i++) {
            var person = new Person(base, people.get(i), password, new Random(42 + i));
            threads.add(new Thread(() -> person.wander(end), "walk-" + i));
        }
        var luc = new Person(base, "luc.moreau@univ-montval.fr", password, new Random(7));
        var claire = new Person(base, "claire.martin@univ-montval.fr", password, new Random(8));
        threads.add(new Thread(() -> accessCycles(base, luc, claire, end), "access"));
        threads.forEach(Thread::start);
        try (var w = new PrintWriter(Files.newBufferedWriter(out.resolve("walk.tsv")))) {
            w.println("minute\trss_mb\thealth\trequests\tproblems\tsigned_in_again\taccess_cycles");
            for (int minute = 1; System.nanoTime() < end; minute++) {
                Thread.sleep(Math.min(60_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                var health = health(base);
                w.printf("%d\t%d\t%s\t%d\t%d\t%d\t%d%n", minute, rssMb(pid), health, count("requests"),
                        PROBLEMS.size(), count("signed in again"), count("access cycles"));
                w.flush();
                if (!health.equals("UP")) {
                    PROBLEMS.add(Instant.now() + " health " + health);
                }
            }
        }
        for (var t : threads) {
            t.join(60_000);
        }
        Files.write(out.resolve("problems.txt"), PROBLEMS);
        System.out.println(new TreeMap<>(COUNTS) + ", problems: " + PROBLEMS.size());
        System.exit(PROBLEMS.isEmpty() ? 0 : 1);
    }

    static long count(String what) {
        return COUNTS.computeIfAbsent(what, k -> new AtomicLong()).get();
    }

    static void add(String what) {
        COUNTS.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    static String health(String base) {
        try {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "UP" : "HTTP " + r.statusCode();
        } catch (IOException | InterruptedException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    static long rssMb(String pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // the process is gone: -1 says so
        }
        return -1;
    }

    /** Luc asks for each service in turn, Claire accepts it and then withdraws it, again and again. */
    static void accessCycles(String base, Person luc, Person claire, long end) {
        try {
            var lucToken = luc.token();
            var claireToken = claire.token();
            while (System.nanoTime() < end) {
                var services = ID.matcher(luc.api(lucToken, "GET", "/api/v1/services", null).body()).results()
                        .map(m -> m.group(1)).distinct().toList();
                for (var service : services) {
                    if (System.nanoTime() >= end) {
                        break;
                    }
                    var asked = luc.api(lucToken, "POST", "/api/v1/access-requests", "{\"serviceId\":" + service + "}");
                    var location = asked.headers().firstValue("Location").orElse("");
                    if (asked.statusCode() == 201 && !location.isEmpty()) {
                        var id = location.replaceAll(".*/", "");
                        var decided = claire.api(claireToken, "POST", "/api/v1/access-requests/" + id + "/decision",
                                "{\"accept\":true}");
                        if (decided.statusCode() == 200) {
                            claire.api(claireToken, "POST", "/api/v1/access-requests/" + id + "/revocation", "");
                            add("access cycles");
                        }
                    }
                    luc.page("/dev/mailbox");
                    Thread.sleep(3000);
                }
            }
        } catch (Exception e) {
            PROBLEMS.add(Instant.now() + " access cycles stopped: " + e);
        }
    }

    static final class Person {
        final String base;
        final String email;
        final String password;
        final Random random;
        final HttpClient client;

        Person(String base, String email, String password, Random random) {
            this.base = base;
            this.email = email;
            this.password = password;
            this.random = random;
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }

        void signIn() throws IOException, InterruptedException {
            var form = page("/connexion");
            var csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                throw new IOException("no CSRF token on the sign-in page");
            }
            var body = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
            var r = send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "/connexion");
            if (r.uri().getPath().startsWith("/connexion")) {
                throw new IOException(email + ": the sign-in was refused");
            }
        }

        String token() throws IOException, InterruptedException {
            signIn();
            var form = page("/compte/jetons");
            var csrf = CSRF.matcher(form.body());
            if (!csrf.find()) {
                throw new IOException("no CSRF token on the tokens page");
            }
            var r = send(HttpRequest.newBuilder(URI.create(base + "/compte/jetons"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=walk&_csrf=" + enc(csrf.group(1)))).build(),
                    "/compte/jetons");
            var m = TOKEN.matcher(r.body());
            if (!m.find()) {
                throw new IOException(email + ": no new token on the page");
            }
            return m.group(1);
        }

        HttpResponse<String> api(String token, String method, String path, String json)
                throws IOException, InterruptedException {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            builder = json == null ? builder.GET()
                    : builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            return send(builder.build(), path);
        }

        HttpResponse<String> page(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(), path);
        }

        HttpResponse<String> send(HttpRequest request, String path) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            var r = client.send(request, HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            add("requests");
            if (r.statusCode() >= 500) {
                PROBLEMS.add(Instant.now() + " " + email + " " + request.method() + " " + path + ": HTTP " + r.statusCode());
            } else if (ERROR_TEXT.matcher(r.body()).find()) {
                PROBLEMS.add(Instant.now() + " " + email + " " + request.method() + " " + path + ": error text in the answer");
            }
            if (ms > 10_000) {
                PROBLEMS.add(Instant.now() + " " + email + " " + request.method() + " " + path + ": " + ms + " ms");
            }
            return r;
        }

        void wander(long end) {
            try {
                signIn();
                var here = "/";
                while (System.nanoTime() < end) {
                    var r = page(here);
                    if (r.uri().getPath().startsWith("/connexion") && !here.startsWith("/connexion")) {
                        add("signed in again");
                        signIn();
                        here = "/";
                        continue;
                    }
                    var links = LINK.matcher(r.body()).results().map(m -> m.group(1).replace("&amp;", "&"))
                            .filter(l -> !NOT_FOLLOWED.matcher(l).find()).distinct().toList();
                    // now and then back home, as people do: the walk does not get stuck in a corner
                    here = links.isEmpty() || random.nextInt(8) == 0 ? "/" : links.get(random.nextInt(links.size()));
                    Thread.sleep(1000 + random.nextInt(3000));
                }
            } catch (Exception e) {
                PROBLEMS.add(Instant.now() + " " + email + " stopped: " + e);
            }
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
