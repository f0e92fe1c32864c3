package fr.guichet.statistics;

import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The establishments ranked against each other over a period (the agency's page): most tickets
 * filed, most access requests, most active people, longest average resolution. Each organisation's
 * counts go to the establishment at the top of its branch.
 */
@Component
class Rankings {

    static final int TOP = 10;

    /** One establishment's line in a ranking, its value as the page shows it. */
    public record Ranked(long establishmentId, String name, String value) {}

    /** A ranking's message key and its lines, first the highest. */
    public record Ranking(String id, String titleKey, List<Ranked> lines) {}

    /** What each establishment did in the period. */
    private static final class Totals {
        long filed;
        long requests;
        long active;
        long resolutions;
        long resolutionDays;

        double averageResolution() {
            return resolutions == 0 ? -1 : (double) resolutionDays / resolutions;
        }
    }

    private final JdbcClient jdbc;
    private final Organizations organizations;

    Rankings(JdbcClient jdbc, Organizations organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Transactional(readOnly = true)
    List<Ranking> of(Period period, Locale locale) {
        var byOrganization = new HashMap<Long, Totals>();
        jdbc.sql("select organization_id, metric, sum(amount) from stat_count where on_date between ? and ?"
                        + " and metric in (?, ?, ?, ?) group by organization_id, metric")
                .params(
                        period.from(),
                        period.to(),
                        Metrics.TICKETS_FILED,
                        Metrics.ACCESS_REQUESTED,
                        Metrics.RESOLUTIONS,
                        Metrics.RESOLUTION_DAYS)
                .query(rs -> {
                    var totals = byOrganization.computeIfAbsent(rs.getLong(1), o -> new Totals());
                    var amount = rs.getLong(3);
                    switch (rs.getString(2)) {
                        case Metrics.TICKETS_FILED -> totals.filed += amount;
                        case Metrics.ACCESS_REQUESTED -> totals.requests += amount;
                        case Metrics.RESOLUTIONS -> totals.resolutions += amount;
                        default -> totals.resolutionDays += amount;
                    }
                });
        // a person active in two organisations of one establishment counts in both
        jdbc.sql("select organization_id, count(distinct account_id) from stat_active where on_date between ? and ?"
                        + " group by organization_id")
                .params(period.from(), period.to())
                .query(rs -> {
                    byOrganization.computeIfAbsent(rs.getLong(1), o -> new Totals()).active += rs.getLong(2);
                });
        var byEstablishment = establishments(byOrganization);
        var names = new HashMap<Long, String>();
        organizations
                .findAll(byEstablishment.keySet().stream()
                        .map(OrganizationId::new)
                        .toList())
                .forEach(o -> names.put(o.id().value(), o.label()));
        return List.of(
                ranking("filed", "statistics.ranking.filed", byEstablishment, names, t -> t.filed, false, locale),
                ranking(
                        "requests",
                        "statistics.ranking.requests",
                        byEstablishment,
                        names,
                        t -> t.requests,
                        false,
                        locale),
                ranking("active", "statistics.ranking.active", byEstablishment, names, t -> t.active, false, locale),
                ranking(
                        "resolution",
                        "statistics.ranking.resolution",
                        byEstablishment,
                        names,
                        Totals::averageResolution,
                        true,
                        locale));
    }

    private Map<Long, Totals> establishments(Map<Long, Totals> byOrganization) {
        var paths = organizations.pathsOf(
                byOrganization.keySet().stream().map(OrganizationId::new).toList());
        var byEstablishment = new HashMap<Long, Totals>();
        byOrganization.forEach((organization, totals) -> {
            var path = paths.get(organization);
            if (path == null) {
                return;
            }
            var establishment = Long.parseLong(path.substring(1, path.indexOf('/', 1)));
            var sum = byEstablishment.computeIfAbsent(establishment, e -> new Totals());
            sum.filed += totals.filed;
            sum.requests += totals.requests;
            sum.active += totals.active;
            sum.resolutions += totals.resolutions;
            sum.resolutionDays += totals.resolutionDays;
        });
        return byEstablishment;
    }

    private static Ranking ranking(
            String id,
            String titleKey,
            Map<Long, Totals> byEstablishment,
            Map<Long, String> names,
            ToDoubleFunction<Totals> value,
            boolean average,
            Locale locale) {
        var lines = new ArrayList<Ranked>();
        byEstablishment.entrySet().stream()
                .filter(e -> average ? value.applyAsDouble(e.getValue()) >= 0 : value.applyAsDouble(e.getValue()) > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<Long, Totals> e) -> value.applyAsDouble(e.getValue()))
                        .reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .forEach(e -> lines.add(new Ranked(
                        e.getKey(),
                        names.getOrDefault(e.getKey(), String.valueOf(e.getKey())),
                        average
                                ? String.format(locale, "%.1f", value.applyAsDouble(e.getValue()))
                                : String.valueOf((long) value.applyAsDouble(e.getValue())))));
        return new Ranking(id, titleKey, lines);
    }
}
