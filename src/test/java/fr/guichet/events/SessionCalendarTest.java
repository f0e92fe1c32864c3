package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Calendar invitations as a mail client reads them: parsed back by ical4j, validated, line by line. */
class SessionCalendarTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void anInvitationIsAValidRequestForTheSessionInParisTime() throws Exception {
        var bytes = SessionCalendar.request(invitation(0, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z"));

        var calendar = parsed(bytes);
        assertThat(calendar.validate().getEntries()).isEmpty();
        assertThat(value(calendar.getProperty(Property.METHOD))).isEqualTo("REQUEST");
        assertThat(value(calendar.getProperty(Property.PRODID))).isEqualTo("-//Guichet//Events//FR");
        assertThat(value(calendar.getProperty(Property.VERSION))).isEqualTo("2.0");
        assertThat(value(
                        calendar.getComponent(Component.VTIMEZONE).orElseThrow().getProperty(Property.TZID)))
                .isEqualTo("Europe/Paris");
        var event = event(calendar);
        assertThat(value(event.getProperty(Property.UID))).isEqualTo("session-42.registration-7@guichet.example.fr");
        assertThat(value(event.getProperty(Property.SEQUENCE))).isEqualTo("0");
        assertThat(value(event.getProperty(Property.DTSTAMP))).isEqualTo("20270105T100000Z");
        assertThat(value(event.getProperty(Property.STATUS))).isEqualTo("CONFIRMED");
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo("Formation « Piloter un projet »");
        assertThat(value(event.getProperty(Property.LOCATION)))
                .isEqualTo("Salle Marie Curie, 103 bd Saint-Michel, Paris");
        assertThat(value(event.getProperty(Property.URL))).isEqualTo("https://guichet.example.fr/mes-inscriptions");
        var organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:formations@agence.example.fr");
        assertThat(value(organizer.getParameter(Parameter.CN))).isEqualTo("Agence de mutualisation des universités");
        var attendee = event.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:marie.curie@univ-lille.example.fr");
        assertThat(value(attendee.getParameter(Parameter.CN))).isEqualTo("Marie Curie");
        assertThat(value(attendee.getParameter(Parameter.PARTSTAT))).isEqualTo("ACCEPTED");
        assertThat(value(attendee.getParameter(Parameter.ROLE))).isEqualTo("REQ-PARTICIPANT");
        assertThat(event.getAlarms()).as("the portal sends its own reminder").isEmpty();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\r\nMETHOD:REQUEST\r\n")
                .contains("\r\nDTSTART;TZID=Europe/Paris:20270112T093000\r\n")
                .contains("\r\nDTEND;TZID=Europe/Paris:20270112T170000\r\n");
    }

    @Test
    void aCancellationHasTheSameUidAHigherSequenceAndIsCancelled() throws Exception {
        var request = parsed(SessionCalendar.request(invitation(0, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z")));
        var cancel = parsed(SessionCalendar.cancel(invitation(1, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z")));

        assertThat(cancel.validate().getEntries()).isEmpty();
        assertThat(value(cancel.getProperty(Property.METHOD))).isEqualTo("CANCEL");
        var cancelled = event(cancel);
        assertThat(value(cancelled.getProperty(Property.UID)))
                .isEqualTo(value(event(request).getProperty(Property.UID)));
        assertThat(Integer.parseInt(value(cancelled.getProperty(Property.SEQUENCE))))
                .isGreaterThan(Integer.parseInt(value(event(request).getProperty(Property.SEQUENCE))));
        assertThat(value(cancelled.getProperty(Property.STATUS))).isEqualTo("CANCELLED");
        assertThat(SessionCalendar.CONTENT_TYPE_CANCEL).endsWith("method=CANCEL");
        assertThat(SessionCalendar.CONTENT_TYPE_REQUEST).endsWith("method=REQUEST");
    }

    @Test
    void nineThirtyInParisIsNineThirtyInWinterAndInSummer() throws Exception {
        var winter = invitation(0, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z");
        var summer = invitation(0, "2027-07-06T07:30:00Z", "2027-07-06T15:00:00Z");

        for (var invitation : List.of(winter, summer)) {
            var bytes = SessionCalendar.request(invitation);
            var day = invitation.start().atZone(PARIS).toLocalDate().toString().replace("-", "");
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .contains("\r\nDTSTART;TZID=Europe/Paris:" + day + "T093000\r\n")
                    .contains("\r\nDTEND;TZID=Europe/Paris:" + day + "T170000\r\n");
            // and a client reading it with the VTIMEZONE sent lands on the same instant
            DtStart<ZonedDateTime> start = event(parsed(bytes))
                    .getProperty(Property.DTSTART)
                    .map(p -> (DtStart<ZonedDateTime>) p)
                    .orElseThrow();
            assertThat(start.getDate().toInstant()).isEqualTo(invitation.start());
        }
    }

    @Test
    void commasSemicolonsLineBreaksAndBackslashesAreEscapedAndComeBackExactly() throws Exception {
        var summary = "Atelier ; niveau 2, groupe B \\ salle « Ampère »";
        var description = "Bonjour,\nvoici le programme ; bienvenue.\r\nÀ bientôt\\n (pas un saut de ligne)";
        var location = "Salle 1, bâtiment A; 2e étage";
        var invitation = invitation(0, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z", summary, description, location);

        var bytes = SessionCalendar.request(invitation);

        var text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("SUMMARY:Atelier \\; niveau 2\\, groupe B \\\\ salle « Ampère »\r\n");
        var event = event(parsed(bytes));
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo(summary);
        assertThat(value(event.getProperty(Property.DESCRIPTION)))
                .isEqualTo("Bonjour,\nvoici le programme ; bienvenue.\nÀ bientôt\\n (pas un saut de ligne)");
        assertThat(value(event.getProperty(Property.LOCATION))).isEqualTo(location);
    }

    @Test
    void aLongAccentedDescriptionIsFoldedAt75OctetsWithCrlfAndUnfoldsWhole() throws Exception {
        var description = new StringBuilder();
        for (var i = 0; description.length() < 4_000; i++) {
            description.append("Séance n° ").append(i).append(" : café, thé ; déjeuner 🍽️ à l’étage\n");
        }
        var name = "Éléonore-Bérénice de la Côte-d’Émeraude-Saint-Exupéry-Châteaubriand, née Łukasiewicz";
        var invitation = new SessionCalendar.Invitation(
                "uid-long@guichet.example.fr",
                3,
                Instant.parse("2027-01-05T10:00:00Z"),
                Instant.parse("2027-01-12T08:30:00Z"),
                Instant.parse("2027-01-12T16:00:00Z"),
                PARIS,
                "Journée « " + "très ".repeat(30) + "longue »",
                description.toString(),
                null,
                null,
                "Agence",
                "formations@agence.example.fr",
                name,
                "eleonore@univ.example.fr");

        var bytes = SessionCalendar.request(invitation);

        for (var line : lines(bytes)) {
            assertThat(line.length).as("octets of a line").isLessThanOrEqualTo(75);
            assertThat(utf8(line)).as("no character cut in two").isNotNull();
        }
        var event = event(parsed(bytes));
        assertThat(value(event.getProperty(Property.DESCRIPTION))).isEqualTo(description.toString());
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo(invitation.summary());
        assertThat(value(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.CN)))
                .isEqualTo(name);
    }

    @Test
    void controlCharactersAndQuotesCannotBreakALine() throws Exception {
        var invitation = new SessionCalendar.Invitation(
                "uid-ctl@guichet.example.fr\r\nX-INJECTED:1",
                0,
                Instant.parse("2027-01-05T10:00:00Z"),
                Instant.parse("2027-01-12T08:30:00Z"),
                Instant.parse("2027-01-12T16:00:00Z"),
                PARIS,
                "Titre\rsur deux lignes\u0007",
                "Texte\u0000 avec\u001b contrôles",
                null,
                null,
                "Agence",
                "formations@agence.example.fr",
                "Marie \"Mimi\"\nCurie",
                "marie@univ.example.fr");

        var bytes = SessionCalendar.request(invitation);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r\nX-INJECTED");
        var calendar = parsed(bytes);
        assertThat(calendar.validate().getEntries()).isEmpty();
        var event = event(calendar);
        assertThat(value(event.getProperty(Property.UID))).isEqualTo("uid-ctl@guichet.example.fr X-INJECTED:1");
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo("Titre\nsur deux lignes");
        assertThat(value(event.getProperty(Property.DESCRIPTION))).isEqualTo("Texte avec contrôles");
        assertThat(value(event.getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.CN)))
                .isEqualTo("Marie 'Mimi' Curie");
    }

    @Test
    void aZoneIcal4jHasNoDefinitionOfIsWrittenInUtc() throws Exception {
        var bytes = SessionCalendar.request(new SessionCalendar.Invitation(
                "uid-offset@guichet.example.fr",
                0,
                Instant.parse("2027-01-05T10:00:00Z"),
                Instant.parse("2027-01-12T08:30:00Z"),
                Instant.parse("2027-01-12T16:00:00Z"),
                ZoneOffset.ofHours(2),
                "Formation",
                "",
                null,
                null,
                "Agence",
                "formations@agence.example.fr",
                "Marie Curie",
                "marie@univ.example.fr"));

        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\r\nDTSTART:20270112T083000Z\r\n")
                .doesNotContain("VTIMEZONE");
        assertThat(parsed(bytes).validate().getEntries()).isEmpty();
    }

    @Test
    void timeZonesAreNeverFetchedFromTheNetworkAndWritingLogsNoWarning() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled"))
                .as("ical4j.properties read")
                .contains("false");
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();

        var logger = (Logger) LoggerFactory.getLogger("net.fortuna.ical4j");
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            SessionCalendar.request(invitation(0, "2027-01-12T08:30:00Z", "2027-01-12T16:00:00Z"));
            SessionCalendar.cancel(invitation(1, "2027-07-06T07:30:00Z", "2027-07-06T15:00:00Z"));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    static SessionCalendar.Invitation invitation(int sequence, String start, String end) {
        return invitation(
                sequence,
                start,
                end,
                "Formation « Piloter un projet »",
                "Première séance.\nVotre convocation est jointe.",
                "Salle Marie Curie, 103 bd Saint-Michel, Paris");
    }

    static SessionCalendar.Invitation invitation(
            int sequence, String start, String end, String summary, String description, String location) {
        return new SessionCalendar.Invitation(
                "session-42.registration-7@guichet.example.fr",
                sequence,
                Instant.parse("2027-01-05T10:00:00Z"),
                Instant.parse(start),
                Instant.parse(end),
                PARIS,
                summary,
                description,
                location,
                "https://guichet.example.fr/mes-inscriptions",
                "Agence de mutualisation des universités",
                "formations@agence.example.fr",
                "Marie Curie",
                "marie.curie@univ-lille.example.fr");
    }

    static Calendar parsed(byte[] bytes) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(bytes));
    }

    static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    static String value(Optional<? extends net.fortuna.ical4j.model.Content> content) {
        return content.orElseThrow().getValue();
    }

    /** The lines without their CRLF; fails on a CR or LF anywhere else. */
    static List<byte[]> lines(byte[] bytes) {
        var lines = new ArrayList<byte[]>();
        var from = 0;
        for (var i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                assertThat(bytes[i]).as("a CR, then an LF, at " + i).isEqualTo((byte) '\r');
                assertThat(bytes[i + 1]).as("a CR, then an LF, at " + i).isEqualTo((byte) '\n');
                lines.add(Arrays.copyOfRange(bytes, from, i));
                from = i + 2;
                i++;
            }
        }
        assertThat(from).as("the last line ends with CRLF").isEqualTo(bytes.length);
        return lines;
    }

    static String utf8(byte[] line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
