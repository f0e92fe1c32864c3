package fr.guichet.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile variations of a valid submission: a form's fields or a JSON body, mutated a few places at a
 * time so that most inputs pass the first checks and reach the rules and the database behind them.
 */
public final class HostileInputs {

    /** About a megabyte: beyond any field's limit, within the server's request size. */
    static final int HUGE = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** Strings that broke or could break something somewhere: control and unicode oddities, markup, SQL. */
    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\u202Egnp.exe",
            "\uD800",
            "\uDC00x",
            "x\uD83D",
            "e\u0301\u0301\u0301\u0301\u0301\u0301",
            "\uFEFF",
            "\u200B\u200D",
            "\uFFFF\uFFFE",
            "\r\n",
            "ligne\r\nSet-Cookie: x=1",
            "\t\u000B\f",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "{{7*7}}[[${7*7}]]",
            "__${T(Runtime).getRuntime()}__::.x",
            "' OR '1'='1",
            "'; drop table account; --",
            "\\",
            "%00",
            "%",
            "_",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "😀",
            "𝕳𝖊𝖑𝖑𝖔",
            "ǅ",
            "İı",
            "ß",
            "-1",
            "0",
            "-0",
            "1e400",
            "NaN",
            "Infinity",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "99999999999999999999999999999",
            "0x10",
            "1,5",
            "1.5",
            "true",
            "null",
            "[]",
            "{}",
            "0000-00-00",
            "2024-02-30",
            "2024-13-01",
            "-999999999-01-01",
            "+999999999-12-31",
            "99999-01-01",
            "1970-01-01T00:00",
            "9999-12-31T23:59",
            "2030-01-01T25:61",
            "24:00",
            "23:60",
            "-01:00",
            "T",
            "P1D");

    private HostileInputs() {}

    /** One hostile string, sometimes built on the field's valid value. */
    static String string(SplittableRandom random, String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> huge(random);
            case 1 -> valid + pick(random, STRINGS);
            case 2 -> pick(random, STRINGS) + valid;
            case 3 -> valid.repeat(1 + random.nextInt(300));
            case 4 -> randomUnicode(random, 1 + random.nextInt(40));
            default -> pick(random, STRINGS);
        };
    }

    private static String huge(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> "a".repeat(HUGE);
            case 1 -> "é".repeat(HUGE / 2);
            default -> "9".repeat(HUGE);
        };
    }

    private static String randomUnicode(SplittableRandom random, int length) {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++) {
            text.append((char)
                    switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(0x20);
                        case 1 -> 0x20 + random.nextInt(0x5F);
                        case 2 -> 0xD800 + random.nextInt(0x800);
                        default -> random.nextInt(0x10000);
                    });
        }
        return text.toString();
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // ---------------------------------------------------------------- forms

    /** A form with one to three mutations: fields missing, repeated, hostile, renamed, indexed far. */
    public static Map<String, List<String>> form(Map<String, List<String>> valid, SplittableRandom random) {
        var fields = new LinkedHashMap<String, List<String>>();
        valid.forEach((name, values) -> fields.put(name, new ArrayList<>(values)));
        var mutations = 1 + random.nextInt(3);
        for (var m = 0; m < mutations; m++) {
            var names = new ArrayList<>(fields.keySet());
            names.remove("_csrf");
            var name = names.isEmpty() ? "x" : pick(random, names);
            var values = fields.computeIfAbsent(name, n -> new ArrayList<>(List.of("")));
            var value = values.isEmpty() ? "" : values.get(0);
            switch (random.nextInt(12)) {
                case 0 -> fields.remove(name);
                case 1 -> values.add(random.nextBoolean() ? value : string(random, value));
                case 2 -> values.replaceAll(v -> "");
                case 3 -> fields.put(name, new ArrayList<>(List.of(huge(random))));
                case 4 -> fields.put(fieldName(random, name), new ArrayList<>(List.of(string(random, value))));
                case 5 -> fields.put(pick(random, STRANGE_NAMES), new ArrayList<>(List.of(string(random, value))));
                case 6 -> {
                    // the same value under a name no form has: a far index, a nested path, a bad bracket
                    fields.remove(name);
                    fields.put(fieldName(random, name), new ArrayList<>(List.of(value)));
                }
                case 7 -> {
                    // many copies of a short value (of a long one, the request alone would be the test)
                    value = value.length() > 1_000 ? value.substring(0, 1_000) : value;
                    var many = new ArrayList<String>();
                    for (var i = 0; i < 1 + random.nextInt(2000); i++) {
                        many.add(value);
                    }
                    fields.put(name, many);
                }
                default -> fields.put(name, new ArrayList<>(List.of(string(random, value)))); // hostile value
            }
        }
        return fields;
    }

    private static final List<String> STRANGE_NAMES = List.of(
            "sessions[999999999].place",
            "sessions[2147483647].capacity",
            "sessions[2147483648].capacity",
            "sessions[-1].place",
            "sessions[0][0]",
            "sessions[",
            "sessions]",
            "sessions[].place",
            "sessions[x].place",
            "recipients[99999999]",
            "items[999999999]",
            "answers[999999999]",
            "id",
            "class.module.classLoader.URLs[0]",
            "class.classLoader",
            "organization",
            "organization.id",
            "owner",
            "account",
            "status",
            "createdAt",
            "a.b.c.d.e.f",
            "_method",
            "\u0000",
            "x".repeat(10_000));

    /** A field's name twisted: its index far or negative, a path under it, a bracket left open. */
    private static String fieldName(SplittableRandom random, String name) {
        var matcher = INDEX.matcher(name);
        if (matcher.find() && random.nextBoolean()) {
            var index = pick(random, List.of("999999999", "2147483647", "2147483648", "-1", "256", "x", "", "0x1"));
            return name.substring(0, matcher.start()) + "[" + index + "]" + name.substring(matcher.end());
        }
        return switch (random.nextInt(6)) {
            case 0 -> name + "[999999999]";
            case 1 -> name + ".x";
            case 2 -> name + "[";
            case 3 -> name + "[0].x[999999999]";
            case 4 -> name.toUpperCase();
            default -> name + "[" + random.nextInt(Integer.MAX_VALUE) + "]";
        };
    }

    /** A form's fields as {@code application/x-www-form-urlencoded} (for a body the test writes itself). */
    public static String urlEncoded(Map<String, List<String>> fields) {
        var body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                    .append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }));
        return body.toString();
    }

    // ---------------------------------------------------------------- JSON

    /** A JSON text mutated as a tree (one to three places) or as text (cut, repeated keys, deep nesting). */
    public static String json(String valid, SplittableRandom random) {
        var choice = random.nextInt(20);
        if (choice == 0) {
            return depthBomb(random);
        }
        if (choice == 1) {
            return valid.substring(0, random.nextInt(Math.max(1, valid.length())));
        }
        if (choice == 2 && valid.startsWith("{") && valid.length() > 2) {
            // a key twice: the parser takes one of them, or refuses
            return "{" + valid.substring(1, valid.length() - 1) + "," + valid.substring(1);
        }
        if (choice == 3) {
            return pick(random, List.of("", "null", "[]", "{}", "\"\"", "0", "true", "[{}]", "{\"\":null}", "\u0000"));
        }
        var tree = JSON.readTree(valid);
        var mutations = 1 + random.nextInt(3);
        for (var m = 0; m < mutations; m++) {
            tree = mutate(tree, random);
        }
        return JSON.writeValueAsString(tree);
    }

    /** Arrays or objects nested thousands deep, with a valid value at the bottom or none. */
    static String depthBomb(SplittableRandom random) {
        var depth = pick(random, List.of(1_001, 5_000, 50_000));
        var object = random.nextBoolean();
        var text = new StringBuilder(depth * 6);
        text.append(object ? "{\"a\":".repeat(depth) : "[".repeat(depth));
        text.append("1");
        if (random.nextInt(4) > 0) {
            text.append(object ? "}".repeat(depth) : "]".repeat(depth));
        }
        return text.toString();
    }

    private static JsonNode mutate(JsonNode node, SplittableRandom random) {
        if (node instanceof ObjectNode object && object.size() > 0 && random.nextInt(4) > 0) {
            var names = new ArrayList<String>(object.propertyNames());
            var name = pick(random, names);
            switch (random.nextInt(8)) {
                case 0 -> object.remove(name);
                case 1 -> object.set(pick(random, UNKNOWN_KEYS), replacement(object.get(name), random));
                case 2, 3 -> object.set(name, mutate(object.get(name), random));
                default -> object.set(name, replacement(object.get(name), random));
            }
            return object;
        }
        if (node instanceof ArrayNode array && array.size() > 0 && random.nextInt(4) > 0) {
            var index = random.nextInt(array.size());
            switch (random.nextInt(5)) {
                case 0 -> array.remove(index);
                case 1 -> {
                    for (var i = 0; i < 1 + random.nextInt(5_000); i++) {
                        array.add(array.get(index).deepCopy());
                    }
                }
                default -> array.set(index, mutate(array.get(index), random));
            }
            return array;
        }
        return replacement(node, random);
    }

    private static final List<String> UNKNOWN_KEYS =
            List.of("id", "owner", "organizationId", "accountId", "status", "createdAt", "@class", "__proto__", "");

    /** Another value where {@code valid} stood: another type, a hostile string, an extreme number. */
    private static JsonNode replacement(JsonNode valid, SplittableRandom random) {
        var text = valid == null || valid.isNull() ? "" : valid.isString() ? valid.asString() : valid.toString();
        return switch (random.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.stringNode(string(random, text));
            case 2 -> NODES.stringNode(text); // a number or a boolean as a string
            case 3 -> NODES.arrayNode().add(valid == null ? NODES.nullNode() : valid.deepCopy());
            case 4 -> NODES.objectNode().set("value", valid == null ? NODES.nullNode() : valid.deepCopy());
            case 5 -> NODES.numberNode(pick(random, List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L)));
            case 6 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
            case 7 -> NODES.numberNode(new java.math.BigDecimal("1e" + (random.nextInt(2_000) - 1_000)));
            case 8 -> NODES.numberNode(pick(random, List.of(-0.5, 1.5, 1e308, Double.MIN_VALUE)));
            case 9 -> NODES.booleanNode(random.nextBoolean());
            case 10 -> NODES.stringNode(huge(random));
            case 11 -> NODES.arrayNode();
            case 12 -> NODES.objectNode();
            default -> NODES.stringNode(pick(random, STRINGS));
        };
    }

    /**
     * Content types a JSON endpoint may receive by mistake or on purpose. No unknown or empty charset:
     * MockMvc's request parses it and throws before the application sees the request.
     */
    public static String jsonContentType(SplittableRandom random) {
        return random.nextInt(6) > 0
                ? "application/json"
                : pick(
                        random,
                        List.of(
                                "application/json;charset=ISO-8859-1",
                                "application/json;charset=UTF-16",
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data",
                                "multipart/form-data; boundary=x",
                                "application/*",
                                "*/*",
                                "application/merge-patch+json",
                                "application/json;;;",
                                "garbage"));
    }

    /** Content types a form may be posted with. */
    public static String formContentType(SplittableRandom random) {
        return random.nextInt(8) > 0
                ? "application/x-www-form-urlencoded"
                : pick(
                        random,
                        List.of(
                                "application/x-www-form-urlencoded;charset=ISO-8859-1",
                                "application/x-www-form-urlencoded;charset=UTF-16",
                                "application/json",
                                "text/plain",
                                "multipart/form-data; boundary=x"));
    }
}
