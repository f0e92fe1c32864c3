import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The crowd of issue 19's "Measured": members who signed in beforehand all register for one session
 * of an event at its opening, through the pages, as their browsers do (JDK classes only, compiled
 * once by bench/events/run.sh).
 *
 * <pre>
 * java EventCrowd BASE signin THREADS PASSWORD PEOPLE.txt SIGNED_IN.tsv
 * java EventCrowd BASE crowd CLIENTS FLOW EVENT SESSION SIGNED_IN.tsv OUTCOMES.tsv
 * </pre>
 *
 * signin: every address of PEOPLE.txt (one a line) signs in through the form, THREADS at a time:
 * GET /connexion (its CSRF token), POST /connexion (must be 302 to the home page), then GET / with
 * the new session (200: the session works; the page's CSRF token, the one of the signed-in session).
 * Writes "email TAB session cookie TAB CSRF token" lines; prints "count seconds per_s".
 *
 * crowd: the people of SIGNED_IN.tsv, in order, are shared by CLIENTS threads, each taking the next
 * person as soon as it is done with the last one (a closed model: the crowd arrives as fast as the
 * portal lets it in). All threads start at once, the opening. FLOW browser: what a browser does at
 * the opening: GET /evenements/EVENT (200, the registration form offering SESSION, its CSRF token),
 * POST /evenements/EVENT/inscription with session=SESSION (302 back to the event's page), then that
 * page (200, and what it says: the place confirmed, or "n° k" on the waiting list). FLOW post: the
 * POST alone, with the token of the sign-in (the page was opened before). Every other answer is an
 * error, counted and reported on stderr. Writes one line per person: email, POST status (-1: no
 * answer, 0: not sent), page ms (-1: not in the flow), POST start ms after the opening, POST ms,
 * page-after ms, outcome the page said (CONFIRMED, WAITING or -), rank it said (0: none).
 * Prints one line: clients flow people registered errors span_s per_s post_p50 post_p95 post_p99
 * post_max page_p95 after_p95 person_p95 crowd_s, where registered counts the 302s, span_s runs from
 * the opening to the end of the last POST, per_s = registered / span_s and crowd_s runs to the last
 * person done (his page after included).
 */
public class EventCrowd {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern SAVED = Pattern.compile("data-testid=\"saved\"[^>]*>([^<]*)<");
    static final Pattern RANK = Pattern.compile("n°\\s*([0-9\\s\\u00a0\\u202f]+)");
    static final String COOKIE = "GUICHET_SESSION";

    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
            throw new IllegalArgumentException("only a local application: " + base);
        }
        switch (args[1]) {
            case "signin" -> signIn(Integer.parseInt(args[2]), args[3], Path.of(args[4]), Path.of(args[5]));
            case "crowd" -> crowd(Integer.parseInt(args[2]), args[3], Long.parseLong(args[4]), Long.parseLong(args[5]),
                    Path.of(args[6]), Path.of(args[7]));
            default -> throw new IllegalArgumentException("mode: signin or crowd");
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A person's browser: his session cookie, kept up to date from the answers. */
    static final class Browser {
        final HttpClient http;
        String cookie;

        Browser(HttpClient http, String cookie) {
            this.http = http;
            this.cookie = cookie;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (cookie != null) {
                request.header("Cookie", COOKIE + "=" + cookie);
            }
            var answer = http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            for (var set : answer.headers().allValues("Set-Cookie")) {
                if (set.startsWith(COOKIE + "=")) {
                    cookie = set.substring(COOKIE.length() + 1, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
                }
            }
            return answer;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }
    }

    static Optional<String> csrf(String page) {
        var m = CSRF.matcher(page);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- sign-in

    static void signIn(int threads, String password, Path people, Path out) throws Exception {
        var emails = Files.readAllLines(people).stream().filter(l -> !l.isBlank()).toList();
        var lines = new String[emails.size()];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        var workers = new ArrayList<Thread>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            var t = new Thread(() -> {
                var http = client();
                for (int k; (k = next.getAndIncrement()) < emails.size(); ) {
                    var email = emails.get(k);
                    try {
                        var browser = new Browser(http, null);
                        var form = browser.get("/connexion");
                        var token = csrf(form.body()).orElseThrow(() -> new IllegalStateException("no CSRF token on /connexion"));
                        var answer = browser.post("/connexion", "email=" + encode(email) + "&password=" + encode(password)
                                + "&_csrf=" + encode(token));
                        var location = answer.headers().firstValue("Location").orElse("");
                        if (answer.statusCode() != 302 || !(location.equals(base + "/") || location.equals("/"))) {
                            throw new IllegalStateException("sign-in: HTTP " + answer.statusCode() + " to " + location);
                        }
                        var home = browser.get("/");
                        if (home.statusCode() != 200) {
                            throw new IllegalStateException("GET / after the sign-in: HTTP " + home.statusCode());
                        }
                        lines[k] = email + "\t" + browser.cookie + "\t"
                                + csrf(home.body()).orElseThrow(() -> new IllegalStateException("no CSRF token on /"));
                    } catch (Exception e) {
                        System.err.println(email + ": " + e);
                        failures.incrementAndGet();
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        for (var t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (failures.get() > 0) {
            System.err.println(failures.get() + " sign-ins failed");
            System.exit(1);
        }
        Files.write(out, Arrays.asList(lines), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%d\t%.1f\t%.1f%n", emails.size(), seconds, emails.size() / seconds);
    }

    // ---- the crowd

    /** What happened to one person: times in ns, relative to the opening where said. */
    static final class Person {
        final String email;
        final String cookie;
        final String token;
        int postStatus;
        long pageNs = -1;
        long postStartNs;
        long postNs;
        long afterNs = -1;
        long doneNs;
        String outcome = "-";
        int rank;

        Person(String line) {
            var f = line.split("\t", -1);
            email = f[0];
            cookie = f[1];
            token = f[2];
        }
    }

    static void crowd(int clients, String flow, long event, long session, Path signedIn, Path out) throws Exception {
        if (!flow.equals("browser") && !flow.equals("post")) {
            throw new IllegalArgumentException("flow: browser or post");
        }
        boolean browser = flow.equals("browser");
        var people = Files.readAllLines(signedIn).stream().filter(l -> !l.isBlank()).map(Person::new).toList();
        var next = new AtomicInteger();
        var errors = new AtomicLong();
        var ready = new CountDownLatch(clients);
        var opening = new CountDownLatch(1);
        long[] openedAt = new long[1];
        var page = "/evenements/" + event;
        var workers = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            var t = new Thread(() -> {
                var http = client();
                ready.countDown();
                try {
                    opening.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k; (k = next.getAndIncrement()) < people.size(); ) {
                    var p = people.get(k);
                    var b = new Browser(http, p.cookie);
                    try {
                        var token = p.token;
                        if (browser) {
                            long t0 = System.nanoTime();
                            var form = b.get(page);
                            p.pageNs = System.nanoTime() - t0;
                            if (form.statusCode() != 200) {
                                throw new IllegalStateException("GET " + page + ": HTTP " + form.statusCode());
                            }
                            if (!form.body().contains("data-testid=\"register-form\"")
                                    || !form.body().contains("id=\"session-" + session + "\"")) {
                                throw new IllegalStateException("GET " + page + ": no form offering session " + session);
                            }
                            token = csrf(form.body()).orElseThrow(() -> new IllegalStateException("no CSRF token on " + page));
                        }
                        long t1 = System.nanoTime();
                        p.postStartNs = t1 - openedAt[0];
                        p.postStatus = -1;
                        var answer = b.post(page + "/inscription", "session=" + session + "&note=&_csrf=" + encode(token));
                        p.postNs = System.nanoTime() - t1;
                        p.postStatus = answer.statusCode();
                        var location = answer.headers().firstValue("Location").orElse("");
                        if (answer.statusCode() != 302 || !(location.equals(base + page) || location.equals(page))) {
                            var said = answer.body().contains("data-testid=\"error\"")
                                    ? answer.body().replaceAll("(?s).*data-testid=\"error\"[^>]*>([^<]*)<.*", "$1")
                                    : answer.body().lines().limit(3).toList().toString();
                            throw new IllegalStateException("POST " + page + "/inscription: HTTP " + answer.statusCode()
                                    + " to '" + location + "': " + said);
                        }
                        if (browser) {
                            long t2 = System.nanoTime();
                            var after = b.get(page);
                            p.afterNs = System.nanoTime() - t2;
                            if (after.statusCode() != 200) {
                                throw new IllegalStateException("GET " + page + " after the POST: HTTP " + after.statusCode());
                            }
                            var m = SAVED.matcher(after.body());
                            if (!m.find()) {
                                throw new IllegalStateException("GET " + page + " after the POST: no message");
                            }
                            var said = m.group(1);
                            var r = RANK.matcher(said);
                            if (r.find()) {
                                p.outcome = "WAITING";
                                p.rank = Integer.parseInt(r.group(1).replaceAll("[^0-9]", ""));
                            } else if (said.contains("confirmée") || said.contains("confirmed")) {
                                p.outcome = "CONFIRMED";
                            } else {
                                throw new IllegalStateException("GET " + page + " after the POST says: " + said);
                            }
                        }
                    } catch (Exception e) {
                        System.err.println(p.email + ": " + e);
                        errors.incrementAndGet();
                    }
                    p.doneNs = System.nanoTime() - openedAt[0];
                }
            });
            workers.add(t);
            t.start();
        }
        ready.await();
        openedAt[0] = System.nanoTime();
        opening.countDown();
        for (var t : workers) {
            t.join();
        }

        var lines = new ArrayList<String>();
        int registered = 0;
        long lastPostEnd = 0;
        long lastDone = 0;
        var posts = new ArrayList<Long>();
        var pages = new ArrayList<Long>();
        var afters = new ArrayList<Long>();
        var persons = new ArrayList<Long>();
        for (var p : people) {
            lines.add(String.join("\t", p.email, String.valueOf(p.postStatus), ms(p.pageNs), ms(p.postStartNs), ms(p.postNs),
                    ms(p.afterNs), p.outcome, String.valueOf(p.rank)));
            lastDone = Math.max(lastDone, p.doneNs);
            if (p.postStatus == 302) {
                registered++;
                posts.add(p.postNs);
                lastPostEnd = Math.max(lastPostEnd, p.postStartNs + p.postNs);
                if (p.pageNs >= 0) {
                    pages.add(p.pageNs);
                }
                if (p.afterNs >= 0) {
                    afters.add(p.afterNs);
                    persons.add(p.pageNs + p.postNs + p.afterNs);
                }
            }
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        var post = sorted(posts);
        double span = lastPostEnd / 1e9;
        System.out.printf(Locale.ROOT, "%d\t%s\t%d\t%d\t%d\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.2f%n", clients,
                flow, people.size(), registered, errors.get(), span, span > 0 ? registered / span : 0, pct(post, 50),
                pct(post, 95), pct(post, 99), post.length == 0 ? 0 : post[post.length - 1] / 1e6,
                browser ? pct(sorted(pages), 95) : 0, browser ? pct(sorted(afters), 95) : 0,
                browser ? pct(sorted(persons), 95) : 0, lastDone / 1e9);
        if (errors.get() > 0) {
            System.err.println(errors.get() + " people could not register");
            System.exit(1);
        }
    }

    static String ms(long ns) {
        return ns < 0 ? "-1" : String.format(Locale.ROOT, "%.2f", ns / 1e6);
    }

    static long[] sorted(List<Long> values) {
        var a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))] / 1e6;
    }
}
