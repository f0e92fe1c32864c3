package fr.guichet.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The statement's periods as the agency's calendar has them: whole months, ending with the last one. */
class StatementPeriodTest {

    private static StatementPeriod period(StatementPeriod.Choice choice, String today) {
        return choice.endingBefore(LocalDate.parse(today));
    }

    @Test
    void theDefaultIsTheLastThreeFullMonths() {
        assertThat(StatementPeriod.Choice.parse(null)).isEqualTo(StatementPeriod.Choice.LAST_3_MONTHS);
        assertThat(StatementPeriod.Choice.parse("nonsense")).isEqualTo(StatementPeriod.Choice.LAST_3_MONTHS);
        // as the guide shows it: read in October, July to September
        assertThat(period(StatementPeriod.Choice.LAST_3_MONTHS, "2004-10-28"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2004-07-01"), LocalDate.parse("2004-09-30")));
    }

    @Test
    void aMonthEndsOnItsLastDayLeapYearsIncluded() {
        assertThat(period(StatementPeriod.Choice.LAST_MONTH, "2024-03-01"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29")));
        assertThat(period(StatementPeriod.Choice.LAST_MONTH, "2025-03-31"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-28")));
        assertThat(period(StatementPeriod.Choice.LAST_MONTH, "2026-01-15"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2025-12-01"), LocalDate.parse("2025-12-31")));
    }

    @Test
    void longerPeriodsCrossTheYear() {
        assertThat(period(StatementPeriod.Choice.LAST_6_MONTHS, "2026-02-10"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2025-08-01"), LocalDate.parse("2026-01-31")));
        assertThat(period(StatementPeriod.Choice.LAST_12_MONTHS, "2026-01-01"))
                .isEqualTo(new StatementPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")));
    }

    @Test
    void theDayIsTheAgencysNotUtcs() {
        // 23:30 UTC on 30 November is already 1 December in Paris: November is then the last full month
        var instant = Instant.parse("2026-11-30T23:30:00Z");
        var paris = LocalDate.ofInstant(instant, ZoneId.of("Europe/Paris"));
        var utc = LocalDate.ofInstant(instant, ZoneId.of("UTC"));
        assertThat(StatementPeriod.Choice.LAST_MONTH.endingBefore(paris).to()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(StatementPeriod.Choice.LAST_MONTH.endingBefore(utc).to()).isEqualTo(LocalDate.parse("2026-10-31"));
    }
}
