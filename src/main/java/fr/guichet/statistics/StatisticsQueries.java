package fr.guichet.statistics;

import fr.guichet.helpdesk.Nature;
import fr.guichet.helpdesk.Priority;
import fr.guichet.helpdesk.TicketFacts;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.statistics.Report.Line;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of a page, summed from the daily counts of the period: a handful of grouped queries
 * on the organisations' counts, whatever the number of tickets behind them.
 */
@Component
class StatisticsQueries {

    /** An organisation's and its subtree's counts, or (no organisations) the whole agency's. */
    record Scope(String name, @Nullable Collection<Long> organizations) {}

    private final JdbcClient jdbc;
    private final TicketFacts tickets;
    private final MessageSource messages;

    StatisticsQueries(JdbcClient jdbc, TicketFacts tickets, MessageSource messages) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    Report report(Scope scope, Period period, Locale locale) {
        var sums = sums(scope, period);
        var accessDecided = sums.getOrDefault(Metrics.ACCESS_DECIDED, Map.of());
        var access = new Report.Access(
                total(sums, Metrics.ACCESS_REQUESTED),
                total(sums, Metrics.ACCESS_GRANTED),
                accessDecided.getOrDefault("ACCEPTED", 0L),
                accessDecided.getOrDefault("REFUSED", 0L));
        var tickets = new Report.Tickets(
                total(sums, Metrics.TICKETS_FILED),
                lines(sums, Metrics.TICKETS_BY_STATUS, statusLabels(locale)),
                lines(sums, Metrics.TICKETS_BY_NATURE, natureLabels(locale)),
                lines(sums, Metrics.TICKETS_BY_PRIORITY, priorityLabels(locale)),
                products(sums, locale));
        var replied = total(sums, Metrics.FIRST_REPLIES);
        var resolved = total(sums, Metrics.RESOLUTIONS);
        var replies = new Report.Replies(
                replied,
                average(total(sums, Metrics.FIRST_REPLY_DAYS), replied),
                replied == 0 ? null : Math.round(100.0 * total(sums, Metrics.FIRST_REPLIES_IN_TIME) / replied),
                resolved,
                average(total(sums, Metrics.RESOLUTION_DAYS), resolved));
        var people = new Report.People(total(sums, Metrics.SIGN_INS), activePeople(scope, period));
        return new Report(
                scope.name(),
                period,
                access,
                tickets,
                replies,
                people,
                months(scope, period, locale),
                serviceCounts(scope, period, locale));
    }

    /** metric → dimension → amount over the period. */
    private Map<String, Map<String, Long>> sums(Scope scope, Period period) {
        var sums = new HashMap<String, Map<String, Long>>();
        jdbc.sql("select metric, dimension, sum(amount) from stat_count where on_date between :from and :to"
                        + within(scope) + " group by metric, dimension")
                .params(params(scope, period))
                .query(rs -> {
                    sums.computeIfAbsent(rs.getString(1), m -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return sums;
    }

    private long activePeople(Scope scope, Period period) {
        return jdbc.sql("select count(distinct account_id) from stat_active where on_date between :from and :to"
                        + within(scope))
                .params(params(scope, period))
                .query(Long.class)
                .single();
    }

    /** Each month: tickets filed, access requests, sign-ins, active people. */
    private List<Line> months(Scope scope, Period period, Locale locale) {
        var byMonth = new HashMap<YearMonth, long[]>();
        period.months().forEach(m -> byMonth.put(m, new long[4]));
        jdbc.sql("select metric, extract(year from on_date), extract(month from on_date), sum(amount) from stat_count"
                        + " where on_date between :from and :to and metric in ('" + Metrics.TICKETS_FILED + "', '"
                        + Metrics.ACCESS_REQUESTED + "', '" + Metrics.SIGN_INS + "')" + within(scope)
                        + " group by metric, extract(year from on_date), extract(month from on_date)")
                .params(params(scope, period))
                .query(rs -> {
                    var row = byMonth.get(YearMonth.of(rs.getInt(2), rs.getInt(3)));
                    var column = switch (rs.getString(1)) {
                        case Metrics.TICKETS_FILED -> 0;
                        case Metrics.ACCESS_REQUESTED -> 1;
                        default -> 2;
                    };
                    row[column] = rs.getLong(4);
                });
        jdbc.sql("select extract(year from on_date), extract(month from on_date), count(distinct account_id)"
                        + " from stat_active where on_date between :from and :to" + within(scope)
                        + " group by extract(year from on_date), extract(month from on_date)")
                .params(params(scope, period))
                .query(rs -> {
                    byMonth.get(YearMonth.of(rs.getInt(1), rs.getInt(2)))[3] = rs.getLong(3);
                });
        var format = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        return period.months().stream()
                .map(m -> {
                    var row = byMonth.get(m);
                    return new Line(m.format(format), row[0], row[1], row[2], row[3]);
                })
                .toList();
    }

    private List<Line> serviceCounts(Scope scope, Period period, Locale locale) {
        return jdbc.sql("select metric, sum(amount) from stat_service_count where on_date between :from and :to"
                        + within(scope) + " group by metric order by metric")
                .params(params(scope, period))
                .query((rs, n) -> Line.of(serviceLabel(rs.getString(1), locale), rs.getLong(2)))
                .list();
    }

    /** The known codes of the procurement room in words; any other code as it was pushed. */
    String serviceLabel(String metric, Locale locale) {
        var known = messages.getMessage("statistics.service." + metric, null, null, locale);
        if (known != null) {
            return known;
        }
        if (metric.startsWith("procedure.")) {
            return messages.getMessage(
                    "statistics.service.procedure",
                    new Object[] {metric.substring("procedure.".length()).toUpperCase(Locale.ROOT)},
                    locale);
        }
        return metric;
    }

    private List<Line> products(Map<String, Map<String, Long>> sums, Locale locale) {
        var names = new HashMap<String, String>();
        tickets.productNames().forEach((id, name) -> names.put(String.valueOf(id), name));
        names.put(Metrics.NONE, messages.getMessage("statistics.none", null, locale));
        return lines(sums, Metrics.TICKETS_BY_PRODUCT, names).stream()
                .sorted(Comparator.comparingLong(Line::amount).reversed())
                .toList();
    }

    /** A metric's dimensions in the order of their labels' map, then any other; those at zero left out. */
    private static List<Line> lines(Map<String, Map<String, Long>> sums, String metric, Map<String, String> labels) {
        var amounts = sums.getOrDefault(metric, Map.of());
        var lines = new ArrayList<Line>();
        labels.forEach((code, label) -> {
            var amount = amounts.getOrDefault(code, 0L);
            if (amount != 0) {
                lines.add(Line.of(label, amount));
            }
        });
        amounts.forEach((code, amount) -> {
            if (!labels.containsKey(code) && amount != 0) {
                lines.add(Line.of(code, amount));
            }
        });
        return lines;
    }

    private Map<String, String> statusLabels(Locale locale) {
        return labels(TicketStatus.values(), "helpdesk.state.", false, locale);
    }

    private Map<String, String> natureLabels(Locale locale) {
        return labels(Nature.values(), "helpdesk.nature.", true, locale);
    }

    private Map<String, String> priorityLabels(Locale locale) {
        return labels(Priority.values(), "helpdesk.priority.", true, locale);
    }

    /** Each code in words, in the enum's order; a status keeps its code before the words ("ECT – …"). */
    private Map<String, String> labels(Enum<?>[] values, String prefix, boolean orNone, Locale locale) {
        var labels = new LinkedHashMap<String, String>();
        for (var value : values) {
            var words = messages.getMessage(prefix + value.name(), null, value.name(), locale);
            labels.put(value.name(), value instanceof TicketStatus ? value.name() + " – " + words : words);
        }
        if (orNone) {
            labels.put(Metrics.NONE, messages.getMessage("statistics.none", null, locale));
        }
        return labels;
    }

    private static long total(Map<String, Map<String, Long>> sums, String metric) {
        return sums.getOrDefault(metric, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    @Nullable
    private static Double average(long sum, long count) {
        return count == 0 ? null : Math.round(10.0 * sum / count) / 10.0;
    }

    static String within(Scope scope) {
        return scope.organizations() == null ? "" : " and organization_id in (:organizations)";
    }

    static Map<String, Object> params(Scope scope, Period period) {
        var params = new HashMap<String, Object>();
        params.put("from", period.from());
        params.put("to", period.to());
        if (scope.organizations() != null) {
            params.put("organizations", scope.organizations());
        }
        return params;
    }
}
