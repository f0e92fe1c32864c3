package fr.guichet.shared;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * What agents write (FAQ answers, announcements): Markdown rendered to HTML on the server, then sanitised — raw HTML an agent types is
 * escaped, and whatever the renderer outputs passes an allow-list (text formatting, lists, tables,
 * code, links to http(s)/mailto only, opened without the referrer).
 */
public final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory())
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .toFactory());

    private Markdown() {}

    public static String toSafeHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}
