package fr.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a person reads comes from the message bundles, in French and in English: a
 * template with words of its own, or a key missing from one language, fails here.
 */
class TemplateTextTest {

    /** Only punctuation and symbols may be written in a template. */
    private static final Pattern WORDLESS = Pattern.compile("[\\s\\p{P}\\p{S}\\u00A0]*");

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-_]+)[}(]");
    private static final List<String> REPLACING =
            List.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert");
    private static final List<String> READ_ATTRIBUTES = List.of("title", "alt", "aria-label", "placeholder");

    final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void templatesHoldNoWordsOfTheirOwn() throws IOException {
        var problems = new ArrayList<String>();
        for (var template : templates("html")) {
            var document = Jsoup.parse(read(template));
            for (var element : document.getAllElements()) {
                if (replaced(element)) {
                    continue;
                }
                for (TextNode text : element.textNodes()) {
                    if (!WORDLESS.matcher(text.text()).matches()) {
                        problems.add(template.getFilename() + ": <" + element.tagName() + "> \""
                                + text.text().strip() + "\"");
                    }
                }
                for (var attribute : READ_ATTRIBUTES) {
                    if (element.hasAttr(attribute)
                            && !WORDLESS.matcher(element.attr(attribute)).matches()) {
                        problems.add(
                                template.getFilename() + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertThat(problems)
                .as("hard-coded text: use th:text with a message key")
                .isEmpty();
    }

    @Test
    void mailTemplatesHoldNoWordsOfTheirOwn() throws IOException {
        var problems = new ArrayList<String>();
        for (var template : templates("txt")) {
            read(template)
                    .lines()
                    .filter(line -> !WORDLESS.matcher(line.replaceAll("\\[\\(.*?\\)]", "")
                                    // text-mode blocks ([# th:if="…"] … [/]) are structure, not words
                                    .replaceAll("\\[#[^\\]]*]|\\[/]", ""))
                            .matches())
                    .forEach(line -> problems.add(template.getFilename() + ": " + line));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyUsedExistsInBothLanguages() throws IOException {
        var french = bundle("messages.properties");
        var english = bundle("messages_en.properties");
        var missing = new TreeSet<String>();
        for (var template : templates("*")) {
            var matcher = STATIC_KEY.matcher(read(template));
            while (matcher.find()) {
                var key = matcher.group(1);
                if (!french.containsKey(key)) {
                    missing.add("fr: " + key + " (" + template.getFilename() + ")");
                }
                if (!english.containsKey(key)) {
                    missing.add("en: " + key + " (" + template.getFilename() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * The keys the code names (refusals, flash messages, mail subjects) exist too: a string literal
     * shaped like a key whose first part is a bundle's (e.g. "access.already-pending") must be a key,
     * or the start of keys ("error.not-found" for its .title and .detail).
     */
    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        var french = bundle("messages.properties");
        var keys = french.stringPropertyNames();
        var firsts = new HashSet<String>();
        keys.forEach(k -> firsts.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        var literal = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9_-]+)+)\"");
        var missing = new TreeSet<String>();
        try (var sources = Files.walk(Path.of("src/main/java"))) {
            // a package-info names modules ("helpdesk.tickets" in allowedDependencies), never a message
            var code = sources.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .toList();
            for (var file : code) {
                var matcher = literal.matcher(Files.readString(file));
                while (matcher.find()) {
                    var key = matcher.group(1);
                    var first = key.substring(0, key.indexOf('.'));
                    if (firsts.contains(first)
                            && !keys.contains(key)
                            && keys.stream().noneMatch(k -> k.startsWith(key + "."))) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("keys named in the code but in no bundle").isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        var french = bundle("messages.properties");
        var english = bundle("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
        assertThat(french.values()).noneMatch(v -> v.toString().isBlank());
        assertThat(english.values()).noneMatch(v -> v.toString().isBlank());
    }

    private static boolean replaced(Element element) {
        for (var e = element; e != null; e = e.parent()) {
            for (var attribute : REPLACING) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Resource[] templates(String extension) throws IOException {
        var found = resources.getResources("classpath*:templates/**/*." + extension);
        assertThat(found).isNotEmpty();
        return found;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(
                resources.getResource("classpath:" + name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
