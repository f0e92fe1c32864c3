package fr.guichet.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which statements are due: a period is sent once over, from the one in which the person asked. */
class FrequencyTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    private static StatementPeriod period(String from, String to) {
        return new StatementPeriod(day(from), day(to));
    }

    @Test
    void eachFrequencyHasItsPeriods() {
        // Thursday 3 December 2026
        assertThat(Frequency.WEEKLY.periodOf(day("2026-12-03"))).isEqualTo(period("2026-11-30", "2026-12-06"));
        assertThat(Frequency.TWICE_A_MONTH.periodOf(day("2026-12-15"))).isEqualTo(period("2026-12-01", "2026-12-15"));
        assertThat(Frequency.TWICE_A_MONTH.periodOf(day("2024-02-16"))).isEqualTo(period("2024-02-16", "2024-02-29"));
        assertThat(Frequency.MONTHLY.periodOf(day("2025-02-10"))).isEqualTo(period("2025-02-01", "2025-02-28"));
        assertThat(Frequency.QUARTERLY.periodOf(day("2026-12-31"))).isEqualTo(period("2026-10-01", "2026-12-31"));
        assertThat(Frequency.QUARTERLY.periodOf(day("2026-04-01"))).isEqualTo(period("2026-04-01", "2026-06-30"));
    }

    @Test
    void aPeriodIsDueOnceOverAndNotBefore() {
        var subscribed = day("2026-11-20");
        assertThat(Frequency.MONTHLY.overSince(subscribed, day("2026-11-30"))).isEmpty();
        assertThat(Frequency.MONTHLY.overSince(subscribed, day("2026-12-01")))
                .containsExactly(period("2026-11-01", "2026-11-30"));
        // a week is over on Monday
        assertThat(Frequency.WEEKLY.overSince(day("2026-12-01"), day("2026-12-06")))
                .isEmpty();
        assertThat(Frequency.WEEKLY.overSince(day("2026-12-01"), day("2026-12-07")))
                .containsExactly(period("2026-11-30", "2026-12-06"));
    }

    @Test
    void aPeriodOverBeforeTheRequestIsNotSent() {
        assertThat(Frequency.MONTHLY.overSince(day("2026-12-01"), day("2026-12-01")))
                .isEmpty();
    }

    @Test
    void afterALongStopTheLastFewPeriodsAreCaughtUpOldestFirst() {
        var due = Frequency.TWICE_A_MONTH.overSince(day("2026-01-01"), day("2026-06-02"));
        assertThat(due)
                .hasSize(Frequency.CATCH_UP)
                .containsExactly(
                        period("2026-04-01", "2026-04-15"),
                        period("2026-04-16", "2026-04-30"),
                        period("2026-05-01", "2026-05-15"),
                        period("2026-05-16", "2026-05-31"));
    }
}
