package fr.guichet.helpdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The business-day clock across weekends, French public holidays and the agency's closure periods. */
class BusinessCalendarTest {

    static final BusinessCalendar OPEN_ALL_YEAR = new BusinessCalendar(List.of());
    static final ClosurePeriod WINTER =
            new ClosurePeriod(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 1), "Fermeture d’hiver");

    @Test
    void theElevenFrenchPublicHolidaysOf2026AreNotBusinessDays() {
        var holidays = LocalDate.of(2026, 1, 1)
                .datesUntil(LocalDate.of(2027, 1, 1))
                .filter(BusinessCalendar::isPublicHoliday)
                .toList();

        assertThat(holidays)
                .containsExactly(
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 4, 6),
                        LocalDate.of(2026, 5, 1),
                        LocalDate.of(2026, 5, 8),
                        LocalDate.of(2026, 5, 14),
                        LocalDate.of(2026, 5, 25),
                        LocalDate.of(2026, 7, 14),
                        LocalDate.of(2026, 8, 15),
                        LocalDate.of(2026, 11, 1),
                        LocalDate.of(2026, 11, 11),
                        LocalDate.of(2026, 12, 25));
        assertThat(holidays).noneMatch(OPEN_ALL_YEAR::isBusinessDay);
    }

    static Stream<Arguments> countings() {
        return Stream.of(
                // from, business days, expected, why
                Arguments.of("2026-11-20", 5, "2026-11-27", "a plain week: Friday to Friday over a weekend"),
                Arguments.of("2026-04-02", 5, "2026-04-10", "Easter Monday skipped"),
                Arguments.of("2026-05-11", 5, "2026-05-19", "Ascension Thursday skipped"),
                Arguments.of("2026-05-22", 1, "2026-05-26", "Whit Monday after the weekend"),
                Arguments.of("2026-07-10", 3, "2026-07-16", "14 July, a Tuesday"),
                Arguments.of("2026-08-14", 1, "2026-08-17", "15 August on a Saturday changes nothing"),
                Arguments.of("2026-11-10", 1, "2026-11-12", "11 November, a Wednesday"),
                Arguments.of("2026-11-21", 0, "2026-11-23", "zero days from a Saturday is the next business day"));
    }

    @ParameterizedTest(name = "{0} + {1} business days = {2}: {3}")
    @MethodSource("countings")
    void businessDaysSkipWeekendsAndHolidays(String from, int days, String expected, String why) {
        assertThat(OPEN_ALL_YEAR.plusBusinessDays(LocalDate.parse(from), days)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void aClosurePeriodIsNoBusinessDay() {
        var calendar = new BusinessCalendar(List.of(WINTER));

        assertThat(calendar.plusBusinessDays(LocalDate.of(2026, 12, 18), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 12, 22))).isFalse();
        assertThat(OPEN_ALL_YEAR.isBusinessDay(LocalDate.of(2026, 12, 22))).isTrue();
    }

    @Test
    void aSiteThatDoesNotAnswerIsRemindedAfterFiveBusinessDaysAndClosedFiveLater() {
        var deadlines = QuietDeadlines.from(LocalDate.of(2026, 4, 2), OPEN_ALL_YEAR);

        assertThat(deadlines.reminder()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(deadlines.closure()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(deadlines.dueOn(LocalDate.of(2026, 4, 9), false, OPEN_ALL_YEAR))
                .isEqualTo(QuietDeadlines.Due.NOTHING);
        assertThat(deadlines.dueOn(LocalDate.of(2026, 4, 10), false, OPEN_ALL_YEAR))
                .isEqualTo(QuietDeadlines.Due.REMIND);
        assertThat(deadlines.dueOn(LocalDate.of(2026, 4, 13), true, OPEN_ALL_YEAR))
                .isEqualTo(QuietDeadlines.Due.NOTHING);
        assertThat(deadlines.dueOn(LocalDate.of(2026, 4, 17), true, OPEN_ALL_YEAR))
                .isEqualTo(QuietDeadlines.Due.CLOSE);
        assertThat(deadlines.dueOn(LocalDate.of(2026, 4, 17), false, OPEN_ALL_YEAR))
                .as("never closed without the reminder first")
                .isEqualTo(QuietDeadlines.Due.REMIND);
    }

    @Test
    void duringAClosurePeriodNothingIsSentNorClosedAndTheDeadlinesMoveAfterIt() {
        var calendar = new BusinessCalendar(List.of(WINTER));
        var deadlines = QuietDeadlines.from(LocalDate.of(2026, 12, 15), calendar);

        assertThat(deadlines.reminder()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(deadlines.closure()).isEqualTo(LocalDate.of(2027, 1, 12));
        var computedBeforeTheClosureWasDeclared = QuietDeadlines.from(LocalDate.of(2026, 12, 15), OPEN_ALL_YEAR);
        assertThat(computedBeforeTheClosureWasDeclared.dueOn(LocalDate.of(2026, 12, 22), false, calendar))
                .isEqualTo(QuietDeadlines.Due.NOTHING);
        assertThat(computedBeforeTheClosureWasDeclared.dueOn(LocalDate.of(2026, 12, 29), true, calendar))
                .isEqualTo(QuietDeadlines.Due.NOTHING);
    }

    @Test
    void anAgentPushesOneTicketsDeadlinesByBusinessDays() {
        var pushed =
                QuietDeadlines.from(LocalDate.of(2026, 4, 2), OPEN_ALL_YEAR).pushedBy(3, OPEN_ALL_YEAR);

        assertThat(pushed.reminder()).isEqualTo(LocalDate.of(2026, 4, 15));
        assertThat(pushed.closure()).isEqualTo(LocalDate.of(2026, 4, 22));
    }
}
