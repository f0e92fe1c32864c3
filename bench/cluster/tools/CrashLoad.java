import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The load of the crash run (bench/cluster/run.sh --kills), through the proxy, without think time,
 * while nodes are killed: N correspondents file tickets and add a complement to each one answered;
 * N establishments' members ask for services and their super admin accepts each request, then
 * withdraws the grant (three audited acts). Every write carries a marker of its own (a word, or the
 * request's number), and every outcome is written down as the client saw it, so that the database can
 * be compared with what was answered afterwards: nothing answered may be missing, nothing may be
 * there twice.
 *
 * <pre>
 * java CrashLoad.java BASE RUN USERS SECONDS FILERS.tsv ACCESS.tsv SERVICES OUTCOMES.tsv [STOP]
 * </pre>
 * SECONDS: a bound; the run stops earlier when the file STOP appears (the kills are over).
 * RUN: a word common to every title of this run (letters only: it is what the search looks for).
 * FILERS: "token TAB establishmentId TAB categoryId TAB domain", user i files as line i.
 * ACCESS: "admin token TAB member tokens (space-separated)", access user i works as line i.
 * SERVICES: the ids of the services to ask for, space-separated.
 * OUTCOMES: one line per write, "KIND TAB marker TAB outcome TAB ticket": T a ticket, E a complement
 * (marker: a word); A an access request asked, D decided, R withdrawn (marker: the request's number,
 * or "?" when the ask had no answer); outcome the HTTP status, or "io" when no answer came (the
 * connection died with the node).
 * No dependency: run in source-file mode, JDK 17.
 */
public class CrashLoad {

    static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 8 && args.length != 9) {
            System.err.println("usage: see the source");
            System.exit(2);
        }
        var base = args[0];
        if (!base.matches("http://(127\\.0\\.0\\.1|localhost):\\d+")) {
            throw new IllegalArgumentException("only a local application: " + base);
        }
        var run = args[1];
        if (!run.matches("[a-z]{6,30}")) {
            throw new IllegalArgumentException("RUN: 6 to 30 lower-case letters");
        }
        int users = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        if (users < 1 || users > 64 || seconds < 1 || seconds > 36000) {
            throw new IllegalArgumentException("users 1..64, seconds 1..36000");
        }
        var filers = Files.readAllLines(Path.of(args[4])).stream().filter(l -> !l.isBlank()).toList();
        var access = Files.readAllLines(Path.of(args[5])).stream().filter(l -> !l.isBlank()).toList();
        var services = args[6].trim().split("\\s+");
        var out = Path.of(args[7]);
        var stopFile = args.length == 9 ? Path.of(args[8]) : null;
        var stop = new AtomicBoolean();
        var lines = new ArrayList<List<String>>();
        var threads = new ArrayList<Thread>();
        var end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int i = 0; i < users; i++) {
            var filer = filers.get(i % filers.size()).split("\t", -1);
            var mine = new ArrayList<String>();
            lines.add(mine);
            int user = i;
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            threads.add(new Thread(() -> {
                for (int n = 1; !stop.get() && System.nanoTime() < end; n++) {
                    var marker = "t" + user + "x" + n;
                    var json = "{\"categoryId\":" + filer[2] + ",\"establishmentId\":" + filer[1]
                            + ",\"priority\":\"NON_BLOCKING\",\"nature\":\"FUNCTIONAL\",\"domain\":\"" + filer[3]
                            + "\",\"title\":\"Panne " + run + " " + marker + "\",\"description\":\"Bonjour, depuis ce matin "
                            + marker + " ne répond plus.\"}";
                    var filed = send(client, filer[0], base + "/api/v1/tickets", json);
                    var number = filed.status == 201 ? number(filed.body) : "";
                    mine.add("T\t" + marker + "\t" + filed.outcome() + "\t" + number);
                    if (number.isEmpty()) {
                        pause(filed);
                        continue;
                    }
                    var complement = "c" + user + "x" + n;
                    var acted = send(client, filer[0], base + "/api/v1/tickets/" + number + "/transitions",
                            "{\"action\":\"COMPLEMENT\",\"text\":\"Complément " + complement + " : le poste redémarré.\"}");
                    mine.add("E\t" + complement + "\t" + acted.outcome() + "\t" + number);
                    pause(acted);
                }
            }, "user-" + i));
        }
        for (int i = 0; i < users && !access.isEmpty(); i++) {
            var line = access.get(i % access.size()).split("\t", -1);
            var admin = line[0];
            var members = line[1].trim().split("\\s+");
            var mine = new ArrayList<String>();
            lines.add(mine);
            var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            threads.add(new Thread(() -> {
                // each member asks for each service once: a request left open by a lost answer stays so
                for (int n = 0; !stop.get() && System.nanoTime() < end && n < members.length * services.length; n++) {
                    var member = members[n % members.length];
                    var service = services[n / members.length];
                    var asked = send(client, member, base + "/api/v1/access-requests", "{\"serviceId\":" + service + "}");
                    var id = asked.status == 201 ? asked.location.replaceAll(".*/", "") : "?";
                    mine.add("A\t" + id + "\t" + asked.outcome() + "\t");
                    if (asked.status != 201) {
                        pause(asked);
                        continue;
                    }
                    var decided = send(client, admin, base + "/api/v1/access-requests/" + id + "/decision",
                            "{\"accept\":true}");
                    mine.add("D\t" + id + "\t" + decided.outcome() + "\t");
                    if (decided.status != 200) {
                        pause(decided);
                        continue;
                    }
                    var revoked = send(client, admin, base + "/api/v1/access-requests/" + id + "/revocation", "");
                    mine.add("R\t" + id + "\t" + revoked.outcome() + "\t");
                    pause(revoked);
                }
            }, "access-" + i));
        }
        threads.forEach(Thread::start);
        while (stopFile != null && !Files.exists(stopFile) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        stop.set(true);
        for (var t : threads) {
            t.join(Duration.ofSeconds(seconds + 120).toMillis());
        }
        try (var w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(mine -> mine.forEach(w::println));
        }
        long answered = lines.stream().flatMap(List::stream).filter(l -> l.split("\t")[2].matches("20[014]")).count();
        long all = lines.stream().mapToLong(List::size).sum();
        System.out.println(all + " writes, " + answered + " answered 200/201/204, " + (all - answered) + " not");
    }

    record Answer(int status, String body, String location) {
        String outcome() {
            return status < 0 ? "io" : Integer.toString(status);
        }
    }

    static Answer send(HttpClient client, String token, String url, String json) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            return new Answer(-1, "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "");
        }
    }

    static String number(String body) {
        var m = NUMBER.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    /** After a refusal (the proxy with no node, a node stopping), not a tight loop of failures. */
    static void pause(Answer answer) {
        if (answer.status >= 500 || answer.status < 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
