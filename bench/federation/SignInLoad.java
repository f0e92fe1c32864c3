import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sign-ins per second against a running Guichet, N clients without think time, each client a person
 * of his own (client i is user i) with a cookie jar of his own: by password, through an OpenID
 * Connect provider (mock-oauth2-server's login form) and through a SAML provider (Keycloak).
 *
 *   java SignInLoad.java ports N
 *       prints N free ports the OS gave (for the application and the providers)
 *   java SignInLoad.java MODE BASE THREADS WARMUP_S DURATION_S PASSWORD OIDC_PROVIDER_ID SAML_PROVIDER_ID
 *
 * BASE is http://localhost:PORT: Keycloak's client accepts answers to http://localhost* only, and
 * the portal names its assertion consumer service after the address it was reached on.
 * MODE, one iteration each (a fresh portal cookie jar each time: a person who is not signed in):
 *   password  GET /connexion, POST /connexion (email, password, _csrf) of bench.user{i}@univ-montval.fr, GET /
 *   oidc      GET /connexion/etablissement/{id} and its redirects to the provider's login page, its form
 *             posted with the username oidc.user{i}, the redirects back through the portal's callback
 *             (which fetches the tokens and the user info from the provider) to /
 *   saml      a fresh provider jar too (no SSO session at Keycloak: a full sign-in there, its password
 *             hash checked): GET /connexion/etablissement/{id} → Keycloak's login form posted (saml.user{i})
 *             → the SAMLResponse of its auto-post form posted to /connexion/saml/acs → GET
 *             /connexion/saml/retour?jeton=… → /
 *   saml-sso  the same with the provider jar kept: Keycloak answers from its SSO session at once (no form,
 *             no password hash); what the portal costs per SAML sign-in, plus Keycloak's signing
 *   prime-oidc, prime-saml  each of the THREADS people signs in once; a newcomer completes his civility
 *             on /connexion/etablissement/completer (MADAME), so that the measured people are returning ones
 * Every iteration must end on / signed in (the sign-out form on the page), or it counts as an error.
 * Prints one line: mode threads per_s p50_ms p95_ms p99_ms iterations errors. Exits 1 on any error.
 */
public class SignInLoad {

    static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern INPUT_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final Pattern KC_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern INPUT = Pattern.compile("<input[^>]*>", Pattern.CASE_INSENSITIVE);
    static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    static final String SIGNED_IN = "action=\"/deconnexion\"";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("ports")) {
            ports(Integer.parseInt(args[1]));
            return;
        }
        var mode = args[0];
        var base = args[1];
        int threads = Integer.parseInt(args[2]);
        long warmup = Long.parseLong(args[3]) * 1_000_000_000L;
        long duration = Long.parseLong(args[4]) * 1_000_000_000L;
        var password = args[5];
        var oidc = args[6];
        var saml = args[7];
        if (mode.startsWith("prime-")) {
            prime(mode.substring(6), base, threads, password, mode.equals("prime-oidc") ? oidc : saml);
            return;
        }
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicLong();
        var ready = new CountDownLatch(threads);
        var start = new CountDownLatch(1);
        var workers = new ArrayList<Thread>();
        long[] window = new long[2];
        for (int i = 1; i <= threads; i++) {
            int n = i;
            var t = new Thread(() -> {
                var visitor = new Visitor(base);
                ready.countDown();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = switch (mode) {
                            case "password" -> visitor.password(n, password);
                            case "oidc" -> visitor.oidc(n, oidc);
                            case "saml" -> visitor.saml(n, password, saml, true);
                            case "saml-sso" -> visitor.saml(n, password, saml, false);
                            default -> throw new IllegalArgumentException("unknown mode " + mode);
                        };
                    } catch (IOException | InterruptedException | RuntimeException e) {
                        failure = e.toString();
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= window[0]) {
                        if (failure == null) {
                            latencies.add(t1 - t0);
                        } else if (errors.incrementAndGet() <= 5) {
                            System.err.println(mode + " client " + n + ": " + failure);
                        }
                    } else if (failure != null) {
                        System.err.println(mode + " client " + n + " (warm-up): " + failure);
                    }
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
        System.out.printf(
                "%s\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d%n",
                mode,
                threads,
                sorted.size() / (duration / 1e9),
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted.size(),
                errors.get());
        if (sorted.isEmpty() || errors.get() > 0) {
            System.exit(1);
        }
    }

    /** Each person signs in once; a newcomer completes his civility. Fails at the first problem. */
    static void prime(String protocol, String base, int people, String password, String provider) throws Exception {
        for (int n = 1; n <= people; n++) {
            var visitor = new Visitor(base);
            var end = protocol.equals("oidc") ? visitor.oidcJourney(n, provider) : visitor.samlJourney(n, password, provider);
            if (end.uri().getPath().equals("/connexion/etablissement/completer")) {
                var token = find(INPUT_CSRF, end.body());
                if (token == null) {
                    throw new IllegalStateException("no CSRF token on the completion page");
                }
                var done = visitor.post(base + "/connexion/etablissement/completer", Map.of("civility", "MADAME", "_csrf", token));
                end = visitor.follow(done);
            }
            var failure = signedIn(end);
            if (failure != null) {
                throw new IllegalStateException(protocol + " person " + n + ": " + failure);
            }
        }
        System.out.println(protocol + ": " + people + " people signed in once");
    }

    static String signedIn(HttpResponse<String> end) {
        if (end.statusCode() == 200 && end.uri().getPath().equals("/") && end.body().contains(SIGNED_IN)) {
            return null;
        }
        return "ended on " + end.statusCode() + " " + end.uri() + (end.statusCode() == 200 ? "" : " " + abbreviated(end.body()));
    }

    /** One person's browser: an HTTP client whose cookie jar holds the portal's and the provider's apart. */
    static final class Visitor {

        final String base;
        final int portalPort;
        final Jar jar = new Jar();
        final HttpClient http;

        Visitor(String base) {
            this.base = base;
            this.portalPort = URI.create(base).getPort();
            this.http = HttpClient.newBuilder()
                    .cookieHandler(jar)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        String password(int n, String password) throws IOException, InterruptedException {
            jar.portal = new CookieManager();
            var page = get(base + "/connexion");
            var token = find(META_CSRF, page.body());
            if (page.statusCode() != 200 || token == null) {
                return "GET /connexion: " + page.statusCode() + ", no CSRF token";
            }
            var answer = post(
                    base + "/connexion",
                    Map.of("email", "bench.user" + n + "@univ-montval.fr", "password", password, "_csrf", token));
            if (answer.statusCode() != 302) {
                return "POST /connexion: " + answer.statusCode();
            }
            return signedIn(follow(answer));
        }

        String oidc(int n, String provider) throws IOException, InterruptedException {
            jar.portal = new CookieManager();
            return signedIn(oidcJourney(n, provider));
        }

        HttpResponse<String> oidcJourney(int n, String provider) throws IOException, InterruptedException {
            var login = follow(get(base + "/connexion/etablissement/" + provider));
            if (login.uri().getPort() == portalPort || login.statusCode() != 200) {
                throw new IllegalStateException("not on the provider's login page: " + login.statusCode() + " " + login.uri());
            }
            // the login form posts to the address it was served on (the authorization request)
            return follow(post(login.uri().toString(), Map.of("username", "oidc.user" + n)));
        }

        String saml(int n, String password, String provider, boolean fullSignIn) throws IOException, InterruptedException {
            jar.portal = new CookieManager();
            if (fullSignIn) {
                jar.provider = new CookieManager();
            }
            return signedIn(samlJourney(n, password, provider));
        }

        HttpResponse<String> samlJourney(int n, String password, String provider) throws IOException, InterruptedException {
            var atProvider = follow(get(base + "/connexion/etablissement/" + provider));
            var form = find(KC_FORM, atProvider.body(), 0);
            if (form != null) {
                var action = unescape(find(ACTION, form));
                atProvider = post(
                        atProvider.uri().resolve(action).toString(),
                        Map.of("username", "saml.user" + n, "password", password, "credentialId", ""));
            }
            if (atProvider.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + atProvider.statusCode() + " " + atProvider.uri());
            }
            // the auto-post form: its action (the portal's ACS) and its hidden fields
            var action = find(ACTION, atProvider.body());
            var fields = new LinkedHashMap<String, String>();
            Matcher inputs = INPUT.matcher(atProvider.body());
            while (inputs.find()) {
                var name = find(NAME, inputs.group());
                var value = find(VALUE, inputs.group());
                if (name != null && value != null) {
                    fields.put(name, unescape(value));
                }
            }
            if (action == null || !fields.containsKey("SAMLResponse")) {
                throw new IllegalStateException("no SAMLResponse from Keycloak: " + abbreviated(atProvider.body()));
            }
            var acs = post(atProvider.uri().resolve(unescape(action)).toString(), fields);
            if (acs.statusCode() != 302 || !acs.headers().firstValue("Location").orElse("").contains("/connexion/saml/retour?jeton=")) {
                throw new IllegalStateException("the ACS answered " + acs.statusCode() + " " + acs.headers().firstValue("Location").orElse(""));
            }
            return follow(acs);
        }

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, Map<String, String> fields) throws IOException, InterruptedException {
            var body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows the redirects of this answer, on any host, as a browser does; returns the first page. */
        HttpResponse<String> follow(HttpResponse<String> answer) throws IOException, InterruptedException {
            for (int hops = 0; hops < 15; hops++) {
                var location = answer.headers().firstValue("Location");
                if (answer.statusCode() / 100 != 3 || location.isEmpty()) {
                    return answer;
                }
                answer = get(answer.uri().resolve(location.get()).toString());
            }
            throw new IllegalStateException("more than 15 redirects, at " + answer.uri());
        }

        /**
         * The portal's cookies apart from the provider's, so that each can be dropped alone; localhost
         * counts as a secure origin, as in browsers, so that Keycloak's Secure cookies come back over http.
         */
        final class Jar extends CookieHandler {
            volatile CookieManager portal = new CookieManager();
            volatile CookieManager provider = new CookieManager();

            CookieManager of(URI uri) {
                return uri.getPort() == portalPort ? portal : provider;
            }

            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return of(uri).get(secure(uri), headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                of(uri).put(secure(uri), headers);
            }

            private URI secure(URI uri) {
                if (!"http".equals(uri.getScheme())
                        || !("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))) {
                    return uri;
                }
                try {
                    return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
                } catch (java.net.URISyntaxException e) {
                    return uri;
                }
            }
        }
    }

    static void ports(int count) throws IOException {
        // all held open together, so that the OS gives different ones
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                sockets.add(socket);
                System.out.println(socket.getLocalPort());
            }
        } finally {
            for (var s : sockets) {
                s.close();
            }
        }
    }

    static String find(Pattern pattern, String text) {
        return find(pattern, text, 1);
    }

    static String find(Pattern pattern, String text, int group) {
        var m = pattern.matcher(text);
        return m.find() ? m.group(group) : null;
    }

    static String unescape(String html) {
        if (html == null) {
            return null;
        }
        var m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt|apos);").matcher(html);
        var out = new StringBuilder();
        while (m.find()) {
            var e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(c));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String abbreviated(String body) {
        var flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
