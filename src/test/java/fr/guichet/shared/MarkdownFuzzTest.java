package fr.guichet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.fuzz.Fuzz;
import fr.guichet.fuzz.Mutations;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Whatever an agent writes (an FAQ answer, an announcement, an event's description), the HTML shown
 * to readers has no active content: only the allowed elements and attributes, no script, no event
 * handler, no style, and links to http(s), mailto or relative addresses only. Checked on the HTML
 * as a browser would parse it (jsoup), not by searching the text.
 */
class MarkdownFuzzTest {

    static final int TRIES = Fuzz.tries(1_500);

    /** Sanitizers.FORMATTING, BLOCKS, TABLES, LINKS and ours: what may reach a page. */
    private static final Set<String> ELEMENTS = Set.of(
            "b",
            "i",
            "font",
            "s",
            "u",
            "o",
            "sup",
            "sub",
            "ins",
            "del",
            "strong",
            "strike",
            "tt",
            "code",
            "big",
            "small",
            "br",
            "span",
            "em",
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ul",
            "ol",
            "li",
            "blockquote",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "colgroup",
            "col",
            "a",
            "pre",
            "hr");

    private static final Set<String> ATTRIBUTES = Set.of(
            "href",
            "rel",
            "target",
            "align",
            "abbr",
            "axis",
            "bgcolor",
            "char",
            "charoff",
            "colspan",
            "dir",
            "headers",
            "height",
            "lang",
            "nowrap",
            "rowspan",
            "scope",
            "sortable",
            "span",
            "summary",
            "valign",
            "width",
            "border",
            "cellpadding",
            "cellspacing",
            "rules",
            "frame",
            "color",
            "face",
            "size");

    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

    private static final List<String> SAMPLES = List.of(
            "# Titre\n\nUn **paragraphe** avec du _texte_ et un [lien](https://example.fr \"titre\").\n",
            "- un\n- deux\n  1. trois\n\n> citation\n\n```java\ncode <b>\n```\n",
            "| a | b |\n|---|:-:|\n| `x` | [y](mailto:a@b.fr) |\n",
            "Texte <script>alert(1)</script> et <a href=\"javascript:alert(1)\">lien</a>\n",
            "[ref]: http://example.fr\n\nVoir [ici][ref] et <https://example.fr/a?b=c&d> ou ![img](x.png)\n",
            "***\n\nSetext\n======\n\n    indenté\n\n&amp; &#x3C;script&#x3E; \\*pas em\\*\n");

    /** The pieces of Markdown and HTML that reach the renderer's and the sanitiser's corners. */
    private static final List<String> DICTIONARY = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil\"></iframe>",
            "<style>body{}</style>",
            "<div style=\"background:url(javascript:x)\">",
            "<p onclick=\"x()\">",
            "<!-- ",
            " -->",
            "<![CDATA[",
            "]]>",
            "<",
            ">",
            "\"",
            "'",
            "`",
            "```",
            "~~~",
            "    ",
            "\n",
            "\n\n",
            "|",
            "|---|",
            "[",
            "]",
            "(",
            ")",
            "](",
            "![",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\nscript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;avascript:alert(1))",
            "[x](javascript&colon;alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](<javascript:alert(1)>)",
            "[x]( javascript:alert(1) )",
            "[x](\tjavascript:alert(1))",
            "[x](%6Aavascript:alert(1))",
            "[x](//evil.example)",
            "[x](https://ok.fr \"t\" onmouseover=\"x\")",
            "![x](javascript:alert(1))",
            "![x](x\" onerror=\"alert(1))",
            "<javascript:alert(1)>",
            "<http://a.fr/\" onclick=\"x>",
            "[r]: javascript:alert(1)\n",
            "[r]\n",
            "&#0;",
            "&#x0;",
            "&lt;script&gt;",
            "\\",
            "*",
            "**",
            "_",
            "#",
            "> ",
            "- ",
            "1. ",
            "\u0000",
            "\u2028",
            "\uFEFF",
            "\uD800",
            "javascript:",
            "onerror=",
            " href=",
            "<a ",
            "</a>",
            "<b>",
            "</b>",
            "<math><mi xlink:href=\"javascript:x\">",
            "<form action=\"javascript:x\"><button>",
            "<object data=\"x\">",
            "<base href=\"javascript:/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:x\">");

    @Test
    void whatAnAgentWritesIsShownWithoutActiveContent() {
        Fuzz.checkText(
                "markdown",
                TRIES,
                random -> switch (random.nextInt(4)) {
                    case 0 -> Mutations.text(Mutations.pick(SAMPLES, random), DICTIONARY, random);
                    case 1 -> pieces(random);
                    case 2 -> Mutations.text(pieces(random), DICTIONARY, random);
                    default -> Mutations.text("[]()<>!*_`|#\\&;:\"' \n-=javascript", random.nextInt(300), random);
                },
                markdown -> {
                    var html = Markdown.toSafeHtml(markdown);
                    return inert(html);
                });
    }

    private static String pieces(SplittableRandom random) {
        var text = new StringBuilder();
        var count = 1 + random.nextInt(12);
        for (var i = 0; i < count; i++) {
            text.append(random.nextInt(3) == 0 ? Mutations.pick(SAMPLES, random) : Mutations.pick(DICTIONARY, random));
        }
        return text.toString();
    }

    /** Fails unless the HTML holds only allowed elements, attributes and link targets; names what it holds. */
    static String inert(String html) {
        var body = Jsoup.parseBodyFragment(html).body();
        var links = 0;
        for (Element element : body.getAllElements()) {
            if (element == body) {
                continue;
            }
            assertThat(ELEMENTS).as("element in %s", html).contains(element.normalName());
            for (var attribute : element.attributes()) {
                var name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(ATTRIBUTES)
                        .as("attribute of <%s> in %s", element.normalName(), html)
                        .contains(name);
                if (name.equals("href")) {
                    links++;
                    // as a browser reads it: entities decoded (jsoup did), controls and spaces ignored
                    var target = attribute
                            .getValue()
                            .replaceAll("[\\x00-\\x20\\x7F]", "")
                            .toLowerCase(Locale.ROOT);
                    var scheme = SCHEME.matcher(target);
                    if (scheme.find()) {
                        assertThat(scheme.group(1)).as("link in %s", html).isIn("http", "https", "mailto");
                    }
                    assertThat(element.attr("rel"))
                            .as("rel of a link in %s", html)
                            .contains("noopener", "noreferrer");
                }
            }
        }
        return links > 0 ? "LINKS" : body.childrenSize() > 0 ? "ELEMENTS" : "TEXT";
    }
}
