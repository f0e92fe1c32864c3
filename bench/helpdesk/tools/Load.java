import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The helpdesk benchmark's load client (no dependency: run in source-file mode, JDK 17):
 * a closed model of N virtual users, each with its own HTTP connection and credentials, looping
 * without think time over one scenario; a warm-up, then the measured duration. Every response is
 * checked (status); a failure counts as an error and the run is reported as failed.
 *
 * <pre>
 * java Load.java get    BASE LABEL USERS WARMUP DURATION SCENARIO.tsv RESULTS.tsv PASSWORD
 * java Load.java create BASE LABEL USERS WARMUP DURATION FILERS.tsv   RESULTS.tsv
 * </pre>
 * get: SCENARIO lines "credential TAB path template TAB values": user i takes line i; credential is
 * "session:EMAIL" (signed in through the form with PASSWORD) or "token:SECRET" (Bearer); "{v}" in the
 * path is replaced, per request, by a random one of the space-separated values (URL-encoded).
 * create: FILERS lines "token TAB establishmentId TAB categoryId TAB domain": user i files level-2
 * tickets as line i's correspondent (POST /api/v1/tickets, expects 201), titles and descriptions
 * drawn from French word lists.
 * RESULTS gets one line: label, users, measured s, requests, errors, requests/s, p50, p95, p99, max (ms),
 * and with LOAD_CPU_PID (the server's process id, in the environment) the server's CPU ms per request
 * over the measured window only (its /proc/PID/stat at the window's start and end: no warm-up, no
 * sign-in), whatever else runs on the machine.
 */
public class Load {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    record Sample(long startNanos, long endNanos, boolean ok) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: see the source");
            System.exit(2);
        }
        var mode = args[0];
        var base = args[1];
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
            throw new IllegalArgumentException("only a local application: " + base);
        }
        var label = args[2];
        int users = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int duration = Integer.parseInt(args[5]);
        if (users < 1 || users > 64 || duration < 1 || duration > 600 || warmup < 0 || warmup > 300) {
            throw new IllegalArgumentException("users 1..64, duration 1..600 s, warm-up 0..300 s");
        }
        var lines = Files.readAllLines(Path.of(args[6])).stream().filter(l -> !l.isBlank()).toList();
        var results = Path.of(args[7]);
        var password = args.length > 8 ? args[8] : null;

        // [measured from, end]: set once every user has signed in, just before they start
        final long[] window = new long[2];
        var stop = new AtomicBoolean();
        var samples = new ArrayList<List<Sample>>();
        var threads = new ArrayList<Thread>();
        var firstError = new String[1];
        for (int i = 0; i < users; i++) {
            var line = lines.get(i % lines.size()).split("\t", -1);
            var mine = new ArrayList<Sample>(100_000);
            samples.add(mine);
            var random = new Random(1000 + i);
            var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Request request;
            if (mode.equals("create")) {
                request = creation(base, line, random);
            } else {
                request = fetch(base, line, random, client, password);
            }
            var thread = new Thread(() -> {
                while (!stop.get()) {
                    var start = System.nanoTime();
                    if (start >= window[1]) {
                        break;
                    }
                    boolean ok;
                    try {
                        var response = client.send(request.next(), HttpResponse.BodyHandlers.ofByteArray());
                        ok = response.statusCode() == request.expected();
                        if (!ok && firstError[0] == null) {
                            firstError[0] = response.statusCode() + " " + response.uri() + " "
                                    + new String(response.body(), StandardCharsets.UTF_8).lines().limit(3).toList();
                        }
                    } catch (IOException | InterruptedException e) {
                        ok = false;
                        if (firstError[0] == null) {
                            firstError[0] = e.toString();
                        }
                    }
                    mine.add(new Sample(start, System.nanoTime(), ok));
                }
            }, "user-" + i);
            threads.add(thread);
        }
        var t0 = System.nanoTime();
        window[0] = t0 + Duration.ofSeconds(warmup).toNanos();
        window[1] = window[0] + Duration.ofSeconds(duration).toNanos();
        var finalMeasureFrom = window[0];
        var end = window[1];
        var cpuPid = System.getenv("LOAD_CPU_PID");
        final double[] cpu = {Double.NaN, Double.NaN};
        var cpuWatch = new Thread(() -> {
            try {
                sleepUntil(finalMeasureFrom);
                cpu[0] = cpuSeconds(cpuPid);
                sleepUntil(end);
                cpu[1] = cpuSeconds(cpuPid);
            } catch (IOException | InterruptedException e) {
                // no figure rather than a wrong one
            }
        }, "cpu-watch");
        threads.forEach(Thread::start);
        if (cpuPid != null && !cpuPid.isBlank()) {
            cpuWatch.start();
        }
        for (var t : threads) {
            t.join(Duration.ofSeconds(warmup + duration + 120).toMillis());
        }
        stop.set(true);
        if (cpuWatch.getState() != Thread.State.NEW) {
            cpuWatch.join();
        }

        var measured = samples.stream().flatMap(List::stream).filter(s -> s.startNanos() >= finalMeasureFrom && s.endNanos() <= end)
                .toList();
        var errors = samples.stream().flatMap(List::stream).filter(s -> !s.ok()).count();
        long[] ms = measured.stream().mapToLong(s -> s.endNanos() - s.startNanos()).sorted().toArray();
        var seconds = (end - finalMeasureFrom) / 1e9;
        var cpuPerRequest = Double.isNaN(cpu[1]) || ms.length == 0 ? ""
                : String.format(Locale.ROOT, "%.2f", (cpu[1] - cpu[0]) * 1000 / ms.length);
        // the CPU column only when measured: the other benchmarks read ten numbers a line
        var line = String.format(Locale.ROOT, "%s\t%d\t%.0f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f", label, users, seconds,
                ms.length, errors, ms.length / seconds, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6) + (cpuPerRequest.isEmpty() ? "" : "\t" + cpuPerRequest);
        System.out.println(line);
        Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (errors > 0) {
            System.err.println(label + ": " + errors + " failed requests, the first: " + firstError[0]);
            System.exit(1);
        }
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** A process's user and system CPU so far, in seconds (Linux, clock ticks of 1/100 s). */
    static double cpuSeconds(String pid) throws IOException {
        var stat = Files.readString(Path.of("/proc", pid, "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    interface Request {
        HttpRequest next();

        int expected();
    }

    static Request fetch(String base, String[] line, Random random, HttpClient client, String password) throws Exception {
        var credential = line[0];
        var template = line[1];
        var values = line.length > 2 && !line[2].isBlank() ? line[2].split(" ") : new String[0];
        String bearer = null;
        if (credential.equals("anonymous")) {
            // the public pages and API: nobody signed in
        } else if (credential.startsWith("token:")) {
            bearer = credential.substring(6);
        } else if (credential.startsWith("session:")) {
            signIn(client, base, credential.substring(8), password);
        } else {
            throw new IllegalArgumentException("credential: " + credential);
        }
        var token = bearer;
        return new Request() {
            public HttpRequest next() {
                var path = template;
                if (values.length > 0) {
                    path = path.replace("{v}", URLEncoder.encode(values[random.nextInt(values.length)].replace('+', ' '),
                            StandardCharsets.UTF_8));
                }
                var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
                if (token != null) {
                    b.header("Authorization", "Bearer " + token).header("Accept", "application/json");
                } else if (path.startsWith("/api/")) {
                    b.header("Accept", "application/json");
                } else {
                    b.header("Accept", "text/html");
                }
                return b.build();
            }

            public int expected() {
                return 200;
            }
        };
    }

    static void signIn(HttpClient client, String base, String email, String password) throws Exception {
        var form = client.send(HttpRequest.newBuilder(URI.create(base + "/connexion")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /connexion");
        }
        var body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        var location = response.headers().firstValue("Location").orElse("");
        // the home page (/compte for jars built before it was)
        if (response.statusCode() != 302 || !(location.equals(base + "/") || location.equals("/") || location.endsWith("/compte"))) {
            throw new IllegalStateException("sign-in of " + email + " failed: " + response.statusCode() + " " + location);
        }
    }

    static final String[] PROBLEMS = {"Erreur", "Blocage", "Anomalie", "Lenteur", "Impossible de valider", "Échec", "Question sur",
            "Calcul erroné de", "Écart constaté sur", "Doublon dans", "Rejet de", "Montant incorrect dans"};
    static final String[] OBJECTS = {"la facture", "le bon de commande", "la convention", "le titre de recette",
            "l'inscription administrative", "le dossier agent", "la paie", "le relevé de notes", "le fichier d'import",
            "le budget rectificatif", "l'ordre de mission", "le virement", "l'arrêté de nomination"};
    static final String[] CONTEXTS = {"après la mise à jour", "en fin d'exercice", "lors de la clôture", "depuis la migration",
            "en recette", "lors de l'import", "pour le second semestre", "depuis ce matin"};
    static final String[] SENTENCES = {"La transaction reste bloquée au statut brouillon.",
            "Le traitement s'interrompt sans message après plusieurs minutes.",
            "Les montants calculés ne correspondent pas au tableau de bord.",
            "Nous avons vidé le cache et relancé le serveur sans succès.",
            "Le fichier CSV contient des caractères accentués mal encodés.",
            "Le rapprochement bancaire fait apparaître un écart de quelques centimes.",
            "Les journaux du serveur indiquent un dépassement de délai.",
            "Le même cas se produit sur la base de formation."};

    static Request creation(String base, String[] line, Random random) {
        var token = line[0];
        var establishment = line[1];
        var category = line[2];
        var domain = line[3];
        return new Request() {
            public HttpRequest next() {
                var problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
                var object = OBJECTS[random.nextInt(OBJECTS.length)];
                var context = CONTEXTS[random.nextInt(CONTEXTS.length)];
                var title = problem + " " + object + " " + context;
                var description = "Bonjour, nous constatons : " + problem.toLowerCase(Locale.FRENCH) + " " + object + " " + context
                        + ". " + SENTENCES[random.nextInt(SENTENCES.length)] + " " + SENTENCES[random.nextInt(SENTENCES.length)]
                        + " Merci de votre aide.";
                var json = "{\"categoryId\":" + category + ",\"establishmentId\":" + establishment + ",\"priority\":\""
                        + (random.nextInt(100) < 15 ? "BLOCKING" : "NON_BLOCKING") + "\",\"nature\":\""
                        + (random.nextInt(100) < 65 ? "FUNCTIONAL" : "TECHNICAL") + "\",\"domain\":" + quote(domain)
                        + ",\"title\":" + quote(title) + ",\"description\":" + quote(description) + "}";
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets")).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Accept", "application/json").header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            }

            public int expected() {
                return 201;
            }
        };
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
