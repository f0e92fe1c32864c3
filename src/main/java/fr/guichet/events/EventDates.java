package fr.guichet.events;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** When a session takes place, for the pages ({@code @eventDates.when(start, end)}), in the reader's language. */
@Component("eventDates")
public class EventDates {

    private final ZoneId zone;

    EventDates(@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    public String when(Instant start, Instant end) {
        return SessionWording.when(start, end, zone, LocaleContextHolder.getLocale());
    }
}
