package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The agency's figures are added up once for all readers of a period, then again once stale. */
class AgencyFiguresTest {

    private final TestClock clock = new TestClock(ZoneId.of("Europe/Paris"));
    private final AgencyFigures figures = new AgencyFigures(Duration.ofMinutes(10), clock);
    private final AtomicInteger computed = new AtomicInteger();

    private AgencyFigures.Figures read(Period period, Locale locale) {
        return figures.of(period, locale, () -> {
            computed.incrementAndGet();
            return new AgencyFigures.Figures(null, List.of(), clock.instant());
        });
    }

    @Test
    void aPeriodIsAddedUpOnceWhileFreshAndAgainOnceStale() {
        var period = Period.of(null, null, null, LocalDate.parse("2026-12-07"));
        var first = read(period, Locale.FRENCH);
        read(period, Locale.FRENCH);
        assertThat(computed).hasValue(1);
        assertThat(read(period, Locale.FRENCH).computedAt()).isEqualTo(first.computedAt());
        // another period or another language is other figures
        read(Period.of("12", null, null, LocalDate.parse("2026-12-07")), Locale.FRENCH);
        read(period, Locale.ENGLISH);
        assertThat(computed).hasValue(3);
        clock.advance(Duration.ofMinutes(11));
        assertThat(read(period, Locale.FRENCH).computedAt()).isAfter(first.computedAt());
        assertThat(computed).hasValue(4);
    }
}
