package fr.guichet.statistics;

import fr.guichet.shared.SpreadsheetCsv;
import fr.guichet.statistics.Report.Line;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The numbers of a page as a CSV: one line per number, its section, what it counts and how many. */
@Component
class StatisticsExport {

    private final MessageSource messages;

    StatisticsExport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(Report report, List<Rankings.Ranking> rankings, Locale locale) {
        var csv = new SpreadsheetCsv();
        csv.row(text("statistics.csv.scope", locale), report.scope(), "");
        csv.row(
                text("statistics.csv.period", locale),
                report.period().from().toString(),
                report.period().to().toString());
        csv.row(
                text("statistics.csv.section", locale),
                text("statistics.csv.label", locale),
                text("statistics.csv.value", locale));
        var access = text("statistics.access.heading", locale);
        csv.row(
                access,
                text("statistics.access.requested", locale),
                String.valueOf(report.access().requested()));
        csv.row(
                access,
                text("statistics.access.granted", locale),
                String.valueOf(report.access().granted()));
        csv.row(
                access,
                text("statistics.access.accepted", locale),
                String.valueOf(report.access().accepted()));
        csv.row(
                access,
                text("statistics.access.refused", locale),
                String.valueOf(report.access().refused()));
        var tickets = text("statistics.tickets.heading", locale);
        csv.row(
                tickets,
                text("statistics.tickets.filed", locale),
                String.valueOf(report.tickets().filed()));
        lines(
                csv,
                text("statistics.tickets.by-status", locale),
                report.tickets().byStatus());
        lines(
                csv,
                text("statistics.tickets.by-nature", locale),
                report.tickets().byNature());
        lines(
                csv,
                text("statistics.tickets.by-priority", locale),
                report.tickets().byPriority());
        lines(
                csv,
                text("statistics.tickets.by-product", locale),
                report.tickets().byProduct());
        var replies = text("statistics.replies.heading", locale);
        var r = report.replies();
        csv.row(replies, text("statistics.replies.first", locale), String.valueOf(r.firstReplies()));
        csv.row(replies, text("statistics.replies.first-average", locale), decimal(r.averageFirstReplyDays(), locale));
        csv.row(
                replies,
                text("statistics.replies.in-time", locale),
                r.firstRepliesInTimePercent() == null ? "" : String.valueOf(r.firstRepliesInTimePercent()));
        csv.row(replies, text("statistics.replies.resolutions", locale), String.valueOf(r.resolutions()));
        csv.row(
                replies,
                text("statistics.replies.resolution-average", locale),
                decimal(r.averageResolutionDays(), locale));
        var people = text("statistics.people.heading", locale);
        csv.row(
                people,
                text("statistics.people.sign-ins", locale),
                String.valueOf(report.people().signIns()));
        csv.row(
                people,
                text("statistics.people.active", locale),
                String.valueOf(report.people().active()));
        for (var month : report.months()) {
            var section = text("statistics.months.heading", locale) + " " + month.label();
            csv.row(section, text("statistics.months.filed", locale), String.valueOf(month.amount()));
            csv.row(section, text("statistics.months.requests", locale), String.valueOf(month.second()));
            csv.row(section, text("statistics.months.sign-ins", locale), String.valueOf(month.third()));
            csv.row(section, text("statistics.months.active", locale), String.valueOf(month.fourth()));
        }
        lines(csv, text("statistics.services.heading", locale), report.serviceCounts());
        for (var ranking : rankings) {
            var section = text(ranking.titleKey(), locale);
            ranking.lines().forEach(l -> csv.row(section, l.name(), l.value()));
        }
        return csv.bytes();
    }

    private static void lines(SpreadsheetCsv csv, String section, List<Line> lines) {
        lines.forEach(l -> csv.row(section, l.label(), l.amount()));
    }

    private static String decimal(@Nullable Double value, Locale locale) {
        return value == null ? "" : String.format(locale, "%.1f", value);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
