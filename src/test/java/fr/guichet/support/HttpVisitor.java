package fr.guichet.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.jsoup.Jsoup;

/** A person with a real HTTP client and cookie jar, against the server of a {@link ServerTest}. */
public class HttpVisitor {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final LocalhostIsSecure jar = new LocalhostIsSecure(cookies);
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpClient client;

    public HttpVisitor(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Over TLS, with what this context trusts and the client certificate it presents, if any. */
    public HttpVisitor(int port, SSLContext tls) {
        this.base = "https://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(tls)
                .build();
    }

    /** Sends this header with every request from now on, as a browser extension or a proxy would. */
    public HttpVisitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        headers.forEach(request::header);
        return request;
    }

    /** Posts the form of the page at {@code pagePath} (its CSRF token included) with these fields. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws Exception {
        var page = Jsoup.parse(get(pagePath).body());
        var token = page.selectFirst("form[action=\"" + action + "\"] input[name=_csrf]");
        var all = new LinkedHashMap<String, String>(fields);
        if (token != null) {
            all.put("_csrf", token.attr("value"));
        }
        return post(action, all);
    }

    /** Posts the fields to a path of the portal, or to the full address of another site (a provider's form). */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                request(path)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The three steps of registration, as a requester of no establishment; the answer of the last one. */
    public HttpResponse<String> register(String email, String lastName, String firstName) throws Exception {
        submit("/inscription", "/inscription", Map.of("email", email));
        submit("/inscription/etablissement", "/inscription/etablissement", Map.of("establishment", "none"));
        return submit(
                "/inscription/coordonnees",
                "/inscription/coordonnees",
                Map.of("civility", "MADAME", "lastName", lastName, "firstName", firstName));
    }

    public HttpResponse<String> signIn(String email, String password) throws Exception {
        return submit("/connexion", "/connexion", Map.of("email", email, "password", password));
    }

    /**
     * Goes to the address and follows its redirects, on this host or another (an identity provider),
     * as a browser does, until a page answers or {@code stopAt} matches the next address; returns
     * that answer, and the next address in {@link Journey#next()} when it stopped there.
     */
    public Journey follow(String pathOrUrl, java.util.function.Predicate<String> stopAt) throws Exception {
        var uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
        var visited = new java.util.ArrayList<String>();
        for (var hops = 0; hops < 15; hops++) {
            visited.add(uri.toString());
            var builder = HttpRequest.newBuilder(uri);
            if (uri.toString().startsWith(base)) {
                headers.forEach(builder::header);
            }
            var response = client.send(builder.GET().build(), HttpResponse.BodyHandlers.ofString());
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Journey(response, visited, null);
            }
            var next = uri.resolve(location.get());
            if (stopAt.test(next.toString())) {
                return new Journey(response, visited, next.toString());
            }
            uri = next;
        }
        throw new IllegalStateException("more than 15 redirects: " + visited);
    }

    public Journey follow(String pathOrUrl) throws Exception {
        return follow(pathOrUrl, next -> false);
    }

    /** Where a journey of redirects ended, and by which addresses. */
    public record Journey(HttpResponse<String> response, java.util.List<String> visited, String next) {

        /** The path of the last address answered on this portal. */
        public String lastPath() {
            return URI.create(visited.get(visited.size() - 1)).getPath();
        }
    }

    /**
     * As browsers do, this machine counts as a secure origin: an identity provider's cookies marked
     * Secure (Keycloak's) come back to it over http://localhost.
     */
    private static final class LocalhostIsSecure extends java.net.CookieHandler {

        private final CookieManager cookies;

        LocalhostIsSecure(CookieManager cookies) {
            this.cookies = cookies;
        }

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers)
                throws java.io.IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) throws java.io.IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            if (!"http".equals(uri.getScheme()) || !"localhost".equals(uri.getHost())) {
                return uri;
            }
            try {
                return new URI(
                        "https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
            } catch (java.net.URISyntaxException e) {
                return uri;
            }
        }
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("GUICHET_SESSION"))
                .map(c -> c.getValue())
                .findFirst()
                .orElse(null);
    }
}
