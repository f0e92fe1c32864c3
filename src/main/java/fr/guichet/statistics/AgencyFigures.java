package fr.guichet.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The agency's figures, kept a few minutes: they add up a year of every organisation's counts (a
 * few seconds on a million tickets), and the staff reading them at once would each pay for it. One
 * reader computes a period's figures while the others wait for his, and the page says when they
 * were computed. An organisation's page is read live: it sums its own few rows.
 */
@Component
class AgencyFigures {

    /** What the agency's page and CSV show, and when it was added up. */
    record Figures(Report report, List<Rankings.Ranking> rankings, Instant computedAt) {}

    private record Key(LocalDate from, LocalDate to, Locale locale) {}

    /** Custom periods could be asked without end: beyond this many, the oldest figures go first. */
    static final int KEPT = 64;

    private final Map<Key, Figures> kept = new ConcurrentHashMap<>();
    private final Duration freshFor;
    private final Clock clock;

    AgencyFigures(@Value("${guichet.statistics.agency-fresh-for:PT10M}") Duration freshFor, Clock clock) {
        this.freshFor = freshFor;
        this.clock = clock;
    }

    Figures of(Period period, Locale locale, Supplier<Figures> compute) {
        var key = new Key(period.from(), period.to(), locale);
        var now = clock.instant();
        if (kept.size() >= KEPT) {
            kept.entrySet()
                    .removeIf(e -> e.getValue().computedAt().plus(freshFor).isBefore(now));
            if (kept.size() >= KEPT) {
                kept.clear();
            }
        }
        return kept.compute(
                key,
                (k, figures) ->
                        figures != null && figures.computedAt().plus(freshFor).isAfter(now) ? figures : compute.get());
    }
}
