package fr.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sends hostile variations of a valid submission through a door of the application (a form, or an API
 * endpoint with a JSON body) and checks, for each: no 5xx and no exception escaping; no stack trace,
 * exception class or internal package name in the answer; an answer within {@link #TIMEOUT_MS}; a
 * refused input leaves the tables the door writes as they were; and the door's "whole record" queries
 * find nothing half-saved.
 *
 * <p>{@code -Dguichet.fuzz.tries=N} sets the tries of each door; {@code -Dguichet.fuzz.seed=S} replays a
 * run, whose seed every failure names; a failing input is written to {@code target/fuzz-failures/}.
 * One line a door: {@code fuzz <door>: <n> tries in <s> s (seed <seed>): {outcome=count...}}.
 */
public final class DoorFuzzer {

    public static final int DEFAULT_TRIES = 5;
    public static final int TRIES = Integer.getInteger("guichet.fuzz.tries", DEFAULT_TRIES);
    public static final long SEED = Long.getLong("guichet.fuzz.seed", System.nanoTime());
    public static final long TIMEOUT_MS = Long.getLong("guichet.fuzz.timeout-ms", 20_000);

    /** Words that only an exception or a stack trace puts in an answer. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat (fr\\.guichet|org\\.|java\\.|jdk\\.)|\\bfr\\.guichet\\.|org\\.springframework|"
                    + "java\\.(lang|util|time|math)\\.|org\\.(hibernate|postgresql|h2)|tools\\.jackson|"
                    + "com\\.fasterxml|SQLState|Caused by|\\bERROR: |duplicate key|violates .* constraint");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private ExecutorService runner = Executors.newSingleThreadExecutor();

    public DoorFuzzer(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A valid submission, made anew for each try (unique names, a fresh CSRF token). */
    @FunctionalInterface
    public interface Valid<T> {
        T make() throws Exception;
    }

    /** A door: how it is reached, what a valid submission to it is, which rows it may write. */
    public final class Door {
        final String name;
        final String path;
        final Function<SplittableRandom, Sent> recipe;
        final java.util.function.Supplier<Sent> valid;
        final List<String> writes = new ArrayList<>();
        final List<String> whole = new ArrayList<>();

        private Door(
                String name,
                String path,
                Function<SplittableRandom, Sent> recipe,
                java.util.function.Supplier<Sent> valid) {
            this.name = name;
            this.path = path;
            this.recipe = recipe;
            this.valid = valid;
        }

        /**
         * Tables (optionally {@code "table where ..."}) this door writes: a refused input must leave
         * their rows as they were. An entry that is a query ({@code "select count(*)::text from ..."})
         * is compared as it answers: for rows a background job also changes.
         */
        public Door writes(String... tables) {
            writes.addAll(List.of(tables));
            return this;
        }

        /** A query counting half-saved records (a ticket without its first message...): always 0. */
        public Door whole(String... brokenRecords) {
            whole.addAll(List.of(brokenRecords));
            return this;
        }
    }

    /** What one try sent, to run it and to tell it when it fails. */
    record Sent(MockHttpServletRequestBuilder request, String description, Visitor visitor, boolean form) {}

    /** A form's fields and who posts them. */
    public record Form(Visitor visitor, Map<String, List<String>> fields) {}

    /** A form posted by a signed-in visitor; {@code valid} gives its fields (CSRF token included). */
    public Door form(String name, Visitor visitor, String path, Valid<Map<String, List<String>>> valid) {
        return form(name, path, () -> new Form(visitor, valid.make()));
    }

    /** A form posted by a visitor made anew for each try (a sign-up goes through its steps first). */
    public Door form(String name, String path, Valid<Form> valid) {
        return new Door(
                name,
                path,
                random -> {
                    var form = make(valid);
                    return formSent(
                            path,
                            form.visitor(),
                            HostileInputs.form(form.fields(), random),
                            HostileInputs.formContentType(random));
                },
                () -> {
                    var form = make(valid);
                    return formSent(path, form.visitor(), form.fields(), "application/x-www-form-urlencoded");
                });
    }

    private static Sent formSent(String path, Visitor visitor, Map<String, List<String>> fields, String contentType) {
        var request = MockMvcRequestBuilders.post(path).contentType(contentType);
        fields.forEach((field, values) -> request.param(field, values.toArray(String[]::new)));
        return new Sent(request, "POST " + path + "\n" + describe(fields), visitor, true);
    }

    /** A JSON body sent with a personal token. */
    public Door json(String name, String token, String method, String path, Valid<String> valid) {
        return new Door(
                name,
                path,
                random -> jsonSent(
                        token,
                        method,
                        path,
                        HostileInputs.json(make(valid), random),
                        HostileInputs.jsonContentType(random),
                        random.nextBoolean() ? "fr" : "en"),
                () -> jsonSent(token, method, path, make(valid), "application/json", "fr"));
    }

    private static Sent jsonSent(
            String token, String method, String path, String body, String contentType, String language) {
        {
            var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", language)
                    .contentType(contentType)
                    .content(body.getBytes(
                            contentType.contains("UTF-16") ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8));
            return new Sent(
                    request,
                    method + " " + path + "\nContent-Type: " + contentType + "\n\n" + shorten(body),
                    null,
                    false);
        }
    }

    private static <T> T make(Valid<T> valid) {
        try {
            return valid.make();
        } catch (Exception e) {
            throw new IllegalStateException("the valid submission could not be made", e);
        }
    }

    /** Runs {@link #TRIES} tries at a door and fails naming every distinct failure seen. */
    public void run(Door door) {
        theValidSubmissionIsAccepted(door);
        var outcomes = new TreeMap<String, Integer>();
        var failures = new LinkedHashMap<String, String>();
        var start = System.nanoTime();
        for (var i = 0; i < TRIES; i++) {
            var random = new SplittableRandom(SEED * 31 + i);
            var sent = door.recipe.apply(random);
            var before = state(door);
            String outcome;
            String failure = null;
            MockHttpServletResponse response = null;
            var future = runner.submit(() -> sent.visitor() == null
                    ? mvc.perform(sent.request()).andReturn().getResponse()
                    : sent.visitor().perform(sent.request()).andReturn().getResponse());
            try {
                response = future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                runner.shutdownNow();
                runner = Executors.newSingleThreadExecutor();
                failure = "no answer within " + TIMEOUT_MS + " ms";
            } catch (Exception e) {
                var cause = e.getCause() == null ? e : e.getCause();
                while (cause.getCause() != null && cause instanceof jakarta.servlet.ServletException) {
                    cause = cause.getCause();
                }
                failure = "exception escaped: " + cause;
            }
            if (response == null) {
                outcome = "failed";
            } else {
                var body = body(response);
                var status = response.getStatus();
                var refused = status >= 400 || (sent.form() && status == 200 && hasError(body));
                var accepted = !refused && status < 400;
                outcome = status + (refused ? " refused" : accepted && status >= 300 ? " redirected" : "");
                var leak = LEAK.matcher(body);
                if (status >= 500) {
                    failure = "answered " + status;
                } else if (leak.find()) {
                    failure = "the answer shows \"" + leak.group() + "\" near: "
                            + body.substring(
                                    Math.max(0, leak.start() - 200), Math.min(body.length(), leak.end() + 200));
                } else if (refused && !state(door).equals(before)) {
                    var after = state(door);
                    var changed = new ArrayList<String>();
                    for (var t = 0; t < door.writes.size(); t++) {
                        if (!before.get(t).equals(after.get(t))) {
                            changed.add(door.writes.get(t) + " (" + before.get(t) + " -> " + after.get(t) + ")");
                        }
                    }
                    failure = "refused (" + status + ") but rows changed: " + changed;
                }
                if (failure != null) {
                    failure += "\n--- answer " + status + "\n" + shorten(body);
                }
            }
            if (failure == null) {
                for (var query : door.whole) {
                    var broken = jdbc.sql(query).query(Long.class).single();
                    if (broken != 0) {
                        failure = broken + " half-saved record(s): " + query;
                    }
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
            if (failure != null) {
                var kind = failure.lines().findFirst().orElse("").replaceAll("\\d+", "#");
                kind = kind.substring(0, Math.min(kind.length(), 120));
                if (!failures.containsKey(kind)) {
                    failures.put(kind, keep(door, i, sent, failure));
                }
            }
        }
        System.out.printf(
                "fuzz %s: %,d tries in %.1f s (seed %d): %s%n",
                door.name, TRIES, (System.nanoTime() - start) / 1e9, SEED, outcomes);
        assertThat(failures.values())
                .as("door %s, seed %d: distinct failures (replay with -Dguichet.fuzz.seed=%d)", door.name, SEED, SEED)
                .isEmpty();
    }

    /** Mutations of a submission the door refuses anyway would prove little: the valid one must pass. */
    private void theValidSubmissionIsAccepted(Door door) {
        try {
            var sent = door.valid.get();
            var response = sent.visitor() == null
                    ? mvc.perform(sent.request()).andReturn().getResponse()
                    : sent.visitor().perform(sent.request()).andReturn().getResponse();
            var body = body(response);
            assertThat(response.getStatus() < 400 && !(sent.form() && response.getStatus() == 200 && hasError(body)))
                    .as(() -> "door %s: the valid submission is refused (%d): %s\n%s"
                            .formatted(
                                    door.name,
                                    response.getStatus(),
                                    Jsoup.parse(body)
                                            .select("[data-testid=error], .invalid-feedback, .alert-danger")
                                            .text(),
                                    sent.description()))
                    .isTrue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> state(Door door) {
        var state = new ArrayList<String>();
        for (var table : door.writes) {
            if (table.startsWith("select ")) {
                state.add(jdbc.sql(table).query(String.class).single());
                continue;
            }
            var from = table.contains(" ") ? table.replaceFirst(" ", " t ") : table + " t";
            state.add(jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by"
                            + " md5(t::text))), '') from " + from)
                    .query(String.class)
                    .single());
        }
        return state;
    }

    private static boolean hasError(String body) {
        return !Jsoup.parse(body)
                .select("[data-testid=error], [data-testid=error-summary], [aria-invalid=true], .invalid-feedback,"
                        + " .alert-danger")
                .isEmpty();
    }

    private static String body(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String keep(Door door, int attempt, Sent sent, String failure) {
        var text = "door " + door.name + ", try " + attempt + ", seed " + SEED + ": " + failure + "\n--- sent\n"
                + sent.description();
        try {
            var directory = Files.createDirectories(Path.of("target", "fuzz-failures"));
            var file = directory.resolve("%s-%d-%d.txt".formatted(door.name.replaceAll("\\W+", "-"), SEED, attempt));
            Files.writeString(file, text);
            return text.substring(0, Math.min(text.length(), 3_000)) + "\n(all in " + file + ")";
        } catch (java.io.IOException e) {
            return text.substring(0, Math.min(text.length(), 3_000));
        }
    }

    private static String describe(Map<String, List<String>> fields) {
        var text = new StringBuilder();
        fields.forEach((name, values) -> {
            text.append(shorten(name)).append(" = ");
            text.append(values.size() > 5 ? values.size() + " values, the first: " : "");
            values.stream()
                    .limit(5)
                    .forEach(v -> text.append('[').append(shorten(v)).append("] "));
            text.append('\n');
        });
        return text.toString();
    }

    static String shorten(String text) {
        var printable = text.replace("\u0000", "\\u0000");
        return printable.length() <= 400
                ? printable
                : printable.substring(0, 200) + "…(" + printable.length() + " chars)…"
                        + printable.substring(printable.length() - 100);
    }

    /** The fields a page's form would send as the page shows them: its defaults, its CSRF token. */
    public static Map<String, List<String>> fields(Document page, String formSelector) {
        var form = page.selectFirst(formSelector);
        assertThat(form).as("form %s on the page", formSelector).isNotNull();
        var fields = new LinkedHashMap<String, List<String>>();
        for (Element input : form.select("input, textarea, select")) {
            var name = input.attr("name");
            var type = input.attr("type");
            if (name.isEmpty() || type.equals("submit") || type.equals("file") || input.hasAttr("disabled")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            String value;
            if (input.tagName().equals("select")) {
                var selected = input.selectFirst("option[selected]");
                if (selected == null && input.hasAttr("multiple")) {
                    continue;
                }
                if (selected == null) {
                    selected = input.select("option").stream()
                            .filter(o -> !o.attr("value").isEmpty())
                            .findFirst()
                            .orElse(null);
                }
                if (selected == null) {
                    continue;
                }
                value = selected.attr("value");
            } else {
                value = input.tagName().equals("textarea") ? input.wholeText() : input.attr("value");
            }
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** A page as a document. */
    public static Document page(Visitor visitor, String path) throws Exception {
        return Jsoup.parse(body(
                visitor.perform(MockMvcRequestBuilders.get(path)).andReturn().getResponse()));
    }
}
