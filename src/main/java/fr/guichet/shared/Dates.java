package fr.guichet.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Instants as pages show them, in the agency's time zone whatever the server's:
 * {@code ${@dates.day(instant)}} in a template.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY_IN_WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final MessageSource messages;

    Dates(Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    public String minute(@Nullable Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(clock.getZone()));
    }

    /** "6 décembre 2026 à 15:04", "6 December 2026 at 15:04": the month in the reader's words. */
    public String moment(@Nullable Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(clock.getZone());
        return messages.getMessage(
                "dates.moment",
                new Object[] {DAY_IN_WORDS.withLocale(locale).format(local), TIME.format(local)},
                locale);
    }

    /** Whole days from the instant to now. */
    public long daysSince(@Nullable Instant instant) {
        return instant == null ? 0 : Duration.between(instant, clock.instant()).toDays();
    }
}
