package fr.guichet.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Instants as pages show them, in the agency's time zone whatever the server's:
 * {@code ${@dates.day(instant)}} in a template.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Clock clock;

    Dates(Clock clock) {
        this.clock = clock;
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(clock.getZone()));
    }

    /** Whole days from the instant to now. */
    public long daysSince(Instant instant) {
        return instant == null ? 0 : java.time.Duration.between(instant, clock.instant()).toDays();
    }
}
