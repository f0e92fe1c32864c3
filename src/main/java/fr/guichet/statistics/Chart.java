package fr.guichet.statistics;

import fr.guichet.statistics.Report.Line;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A chart drawn on the server as SVG, read without a script: bars by category, or one bar per month
 * for a trend. The page follows each with a table of the same lines, for whoever does not see it.
 *
 * @param svg the drawing, its texts escaped, named by its title for screen readers
 */
public record Chart(String id, String title, String svg, List<Line> rows, boolean monthly) {

    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 260;
    private static final int ROW = 26;
    private static final int HEIGHT = 220;
    private static final String BAR = "#0b5ed7";
    private static final String TEXT = "#212529";

    /** Nothing to draw: no category counted anything (a month at zero still says so). */
    public boolean empty() {
        return rows.isEmpty() || !monthly && rows.stream().allMatch(r -> r.amount() == 0);
    }

    /** Horizontal bars, one per line, longest for the largest amount. */
    static Chart bars(String id, String title, List<Line> rows) {
        var max = Math.max(1, rows.stream().mapToLong(Line::amount).max().orElse(1));
        var height = Math.max(ROW, rows.size() * ROW) + 4;
        var svg = new StringBuilder(open(id, title, WIDTH, height));
        var room = WIDTH - LABEL_WIDTH - 70;
        for (var i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var y = i * ROW + 2;
            var length = Math.round((double) row.amount() / max * room);
            svg.append(text(LABEL_WIDTH - 8, y + 17, "end", shorten(row.label())));
            svg.append(rect(LABEL_WIDTH, y + 4, Math.max(1, length), ROW - 8));
            svg.append(text(LABEL_WIDTH + length + 6, y + 17, "start", String.valueOf(row.amount())));
        }
        return new Chart(id, title, svg.append("</svg>").toString(), rows, false);
    }

    /** Vertical bars, one per month, of each line's amount (the trend of one count). */
    static Chart months(String id, String title, List<Line> rows) {
        var max = Math.max(1, rows.stream().mapToLong(Line::amount).max().orElse(1));
        var slot = (double) (WIDTH - 20) / Math.max(1, rows.size());
        var svg = new StringBuilder(open(id, title, WIDTH, HEIGHT));
        var base = HEIGHT - 30;
        for (var i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var height = Math.round((double) row.amount() / max * (base - 24));
            var x = 10 + i * slot;
            svg.append(rect(Math.round(x + slot * 0.15), base - height, Math.max(1, Math.round(slot * 0.7)), height));
            svg.append(text(Math.round(x + slot / 2), base - height - 4, "middle", String.valueOf(row.amount())));
            svg.append(text(Math.round(x + slot / 2), HEIGHT - 10, "middle", shorten(row.label())));
        }
        return new Chart(id, title, svg.append("</svg>").toString(), rows, true);
    }

    private static String open(String id, String title, int width, int height) {
        return String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"%1$s-title\""
                        + " viewBox=\"0 0 %2$d %3$d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\""
                        + " font-family=\"sans-serif\" font-size=\"13\"><title id=\"%1$s-title\">%4$s</title>",
                id,
                width,
                height,
                HtmlUtils.htmlEscape(title));
    }

    private static String rect(long x, long y, long width, long height) {
        return String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"></rect>",
                x,
                y,
                width,
                height,
                BAR);
    }

    private static String text(long x, long y, String anchor, String content) {
        return String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x,
                y,
                anchor,
                TEXT,
                HtmlUtils.htmlEscape(content));
    }

    /** A long label is cut in the drawing; the table below says it whole. */
    private static String shorten(String label) {
        return label.length() > 38 ? label.substring(0, 37) + "…" : label;
    }
}
