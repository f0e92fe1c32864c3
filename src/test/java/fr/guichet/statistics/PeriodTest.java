package fr.guichet.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The periods a page sums: full months before the current one, in the agency's calendar. */
class PeriodTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void theDefaultIsTheLastThreeFullMonths() {
        var period = Period.of(null, null, null, LocalDate.of(2026, 12, 7));

        assertThat(period.choice()).isEqualTo("3");
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(period.months())
                .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    }

    @Test
    void anUnknownChoiceIsTheDefault() {
        assertThat(Period.of("7", null, null, LocalDate.of(2026, 12, 7)).choice())
                .isEqualTo("3");
    }

    @Test
    void lastMonthEndsOnItsLastDayInALeapYear() {
        var period = Period.of("1", null, null, LocalDate.of(2028, 3, 1));

        assertThat(period.from()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void twelveMonthsCrossTheYear() {
        var period = Period.of("12", null, null, LocalDate.of(2027, 1, 31));

        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(period.months()).hasSize(12);
    }

    @Test
    void theMonthChangesAtMidnightInParisNotAtMidnightUtc() {
        // 22:30 UTC on 31 March is already 1 April in Paris (summer time): March is then the last full month
        var clock = Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), PARIS);

        var period = Period.of("1", null, null, LocalDate.now(clock));

        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void aCustomPeriodKeepsBothEnds() {
        var period = Period.of("custom", "2026-02-28", "2026-03-01", LocalDate.of(2026, 12, 7));

        assertThat(period.custom()).isTrue();
        assertThat(period.months()).containsExactly(YearMonth.of(2026, 2), YearMonth.of(2026, 3));
        assertThat(period.query()).isEqualTo("periode=custom&du=2026-02-28&au=2026-03-01");
    }

    @Test
    void aCustomPeriodThatCannotBeReadIsRefused() {
        var today = LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> Period.of("custom", "31/12/2026", "2027-01-01", today))
                .hasMessage("statistics.period.from-invalid");
        assertThatThrownBy(() -> Period.of("custom", "2026-03-02", "2026-03-01", today))
                .hasMessage("statistics.period.order");
        assertThatThrownBy(() -> Period.of("custom", "2010-01-01", "2026-03-01", today))
                .hasMessage("statistics.period.too-long");
    }
}
