package fr.guichet.events;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** When a session takes place, in words of the reader's language and in the agency's time zone. */
final class SessionWording {

    private SessionWording() {}

    static String when(Instant start, Instant end, ZoneId zone, Locale locale) {
        var french = !"en".equals(locale.getLanguage());
        var day = DateTimeFormatter.ofPattern(
                french ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy", french ? Locale.FRENCH : Locale.ENGLISH);
        var hour = DateTimeFormatter.ofPattern(french ? "H' h 'mm" : "HH:mm");
        var from = start.atZone(zone);
        var to = end.atZone(zone);
        var sameDay = from.toLocalDate().equals(to.toLocalDate());
        if (french) {
            return sameDay
                    ? day.format(from) + ", de " + hour.format(from) + " à " + hour.format(to) + zone(zone, true)
                    : "du " + day.format(from) + " " + hour.format(from) + " au " + day.format(to) + " "
                            + hour.format(to) + zone(zone, true);
        }
        return sameDay
                ? day.format(from) + ", " + hour.format(from) + " to " + hour.format(to) + zone(zone, false)
                : day.format(from) + " " + hour.format(from) + " to " + day.format(to) + " " + hour.format(to)
                        + zone(zone, false);
    }

    private static String zone(ZoneId zone, boolean french) {
        var id = zone.getId();
        var city = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return french ? " (heure de " + city + ")" : " (" + city + " time)";
    }

    static String day(Instant instant, ZoneId zone, Locale locale) {
        var french = !"en".equals(locale.getLanguage());
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", french ? Locale.FRENCH : Locale.ENGLISH)
                .format(instant.atZone(zone));
    }
}
