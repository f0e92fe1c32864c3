package fr.guichet.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The names a screen reader or voice control gives a page's links, buttons and form fields,
 * computed from the markup as browsers do for this portal's patterns (aria-labelledby, aria-label,
 * a label, the content), and what is wrong with them:
 * <ul>
 * <li>a name that does not hold the words a person sees (WCAG 2.5.3 "Label in Name"): he says
 * "Ajouter aux outils et services" and nothing answers;</li>
 * <li>two links, two buttons or two fields of the same name that do different things: in a list
 * of the page's buttons, ten "Accepter" tell nothing of the request each one decides;</li>
 * <li>a control without a name.</li>
 * </ul>
 * Words are compared without case, punctuation and symbols ("☆", "*", "’").
 */
public final class AccessibleNames {

    private static final String FIELDS =
            "input:not([type=hidden],[type=submit],[type=button],[type=reset],[type=image]), select, textarea";
    private static final String BUTTONS =
            "button, input[type=submit], input[type=button], input[type=reset], input[type=image]";

    private AccessibleNames() {}

    /** A link, a button or a field as assistive technology presents it. */
    public record Control(String kind, String name, String visible, String target, String html) {}

    /** What is wrong with the names of the page's controls, one line each; empty when nothing is. */
    public static List<String> problems(Document page) {
        var problems = new ArrayList<String>();
        var controls = controls(page);
        for (var control : controls) {
            if (words(control.name()).isEmpty()) {
                problems.add("no name: " + control.html());
            } else if (!words(control.visible()).isEmpty()
                    && !(" " + words(control.name()) + " ").contains(" " + words(control.visible()) + " ")) {
                problems.add("\"" + control.visible() + "\" is shown but the " + control.kind() + " is named \""
                        + control.name() + "\": " + control.html());
            }
        }
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (var control : controls) {
            targets.computeIfAbsent(control.kind() + " \"" + control.name() + "\"", k -> new TreeSet<>())
                    .add(control.target());
        }
        targets.forEach((named, where) -> {
            if (where.size() > 1) {
                problems.add(where.size() + " different targets share the " + named + ": " + where);
            }
        });
        return problems;
    }

    public static List<Control> controls(Document page) {
        var controls = new ArrayList<Control>();
        for (var element : page.select("a[href], " + BUTTONS + ", " + FIELDS)) {
            if (hidden(element)) {
                continue;
            }
            if (element.is("a")) {
                controls.add(new Control(
                        "link",
                        name(page, element, text(element, false)),
                        text(element, true),
                        element.attr("href"),
                        element.outerHtml()));
            } else if (element.is(BUTTONS)) {
                var content = element.is("button") ? text(element, false) : element.attr("value");
                controls.add(new Control(
                        "button",
                        name(page, element, content),
                        element.is("button") ? text(element, true) : element.attr("value"),
                        buttonTarget(page, element),
                        element.outerHtml()));
            } else {
                var labels = labels(page, element);
                var labelled = labels.stream().map(l -> text(l, false)).collect(Collectors.joining(" "));
                var shown = labels.stream()
                        .filter(l -> !l.hasClass("visually-hidden"))
                        .map(l -> text(l, true))
                        .collect(Collectors.joining(" "));
                controls.add(new Control(
                        "field",
                        name(page, element, labelled),
                        shown,
                        fieldTarget(page, element),
                        element.outerHtml().lines().findFirst().orElse("")));
            }
        }
        return controls;
    }

    /** aria-labelledby, then aria-label, then what the element itself (or its label) says, then its title. */
    private static String name(Document page, Element element, String own) {
        if (!element.attr("aria-labelledby").isBlank()) {
            return Arrays.stream(element.attr("aria-labelledby").trim().split("\\s+"))
                    .map(page::getElementById)
                    .filter(Objects::nonNull)
                    .map(e -> text(e, false))
                    .collect(Collectors.joining(" "));
        }
        if (!element.attr("aria-label").isBlank()) {
            return element.attr("aria-label").strip();
        }
        return own.isBlank() ? element.attr("title").strip() : own;
    }

    private static List<Element> labels(Document page, Element field) {
        var labels = new ArrayList<Element>();
        if (!field.id().isEmpty()) {
            page.select("label").stream()
                    .filter(l -> l.attr("for").equals(field.id()))
                    .forEach(labels::add);
        }
        var around = field.closest("label");
        if (around != null && !labels.contains(around)) {
            labels.add(around);
        }
        return labels;
    }

    private static String buttonTarget(Document page, Element button) {
        var form = formOf(page, button);
        var action = button.hasAttr("formaction") ? button.attr("formaction") : null;
        var submitted = button.hasAttr("name") ? " " + button.attr("name") + "=" + button.attr("value") : "";
        if (form == null) {
            return "no form: " + (button.hasAttr("aria-controls") ? button.attr("aria-controls") : button.outerHtml());
        }
        return formTarget(form, action) + submitted;
    }

    private static String fieldTarget(Document page, Element field) {
        var form = formOf(page, field);
        var choice = field.is("[type=checkbox], [type=radio]") ? "=" + field.attr("value") : "";
        return (form == null ? "no form" : formTarget(form, null)) + " " + field.attr("name") + choice;
    }

    /** Where the form goes and what it always sends: two rows' forms differ by their action or their hidden fields. */
    private static String formTarget(Element form, String action) {
        var hidden = form.select("input[type=hidden]").stream()
                .filter(i -> !i.attr("name").equals("_csrf"))
                .map(i -> i.attr("name") + "=" + i.attr("value"))
                .sorted()
                .collect(Collectors.joining("&"));
        var method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT);
        return method + " " + (action == null ? form.attr("action") : action) + (hidden.isEmpty() ? "" : " " + hidden);
    }

    private static Element formOf(Document page, Element control) {
        return control.hasAttr("form") ? page.getElementById(control.attr("form")) : control.closest("form");
    }

    private static boolean hidden(Element element) {
        for (var e = element; e != null; e = e.parent()) {
            if ("true".equals(e.attr("aria-hidden")) || e.hasAttr("hidden") || e.is("template")) {
                return true;
            }
        }
        return false;
    }

    /** The element's text as read aloud, or (shownOnly) as seen: without what is visually hidden. */
    static String text(Element element, boolean shownOnly) {
        var out = new StringBuilder();
        collect(element, shownOnly, out);
        return out.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private static void collect(Node node, boolean shownOnly, StringBuilder out) {
        for (var child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element e) {
                if ("true".equals(e.attr("aria-hidden"))
                        || e.hasAttr("hidden")
                        || e.is("script, style, template, select, textarea")
                        || shownOnly && e.hasClass("visually-hidden")) {
                    continue;
                }
                if (e.is("img")) {
                    out.append(' ').append(e.attr("alt")).append(' ');
                } else {
                    out.append(' ');
                    collect(e, shownOnly, out);
                    out.append(' ');
                }
            }
        }
    }

    /** The words of a text, lower case, without punctuation or symbols. */
    static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
