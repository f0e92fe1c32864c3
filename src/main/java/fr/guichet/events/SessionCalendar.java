package fr.guichet.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;

/**
 * A session as a calendar invitation (iTIP, RFC 5546) that mail clients add to the person's
 * calendar, and its cancellation. Times are written in the agency's zone, with its VTIMEZONE, so
 * that a session stays at 9:30 in Paris whatever the reader's zone.
 */
final class SessionCalendar {

    static final String CONTENT_TYPE_REQUEST = "text/calendar; charset=UTF-8; method=REQUEST";
    static final String CONTENT_TYPE_CANCEL = "text/calendar; charset=UTF-8; method=CANCEL";

    /** RFC 5545 §3.1: lines of at most 75 octets, excluding the line break. */
    private static final int FOLD = 75;

    private static final String CRLF = "\r\n";

    /** Controls a TEXT value may not hold (RFC 5545 §3.3.11); tabs and line breaks may. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\t\\n]]");

    // the zones come from the ical4j jar; ical4j.properties keeps it from updating them on the network
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /** What the invitation says; the UID stays the same for a session's invitations and cancellation. */
    record Invitation(
            String uid,
            int sequence,
            Instant stamp,
            Instant start,
            Instant end,
            ZoneId zone,
            String summary,
            String description,
            @Nullable String location,
            @Nullable String url,
            String organizerName,
            String organizerEmail,
            String attendeeName,
            String attendeeEmail) {}

    private SessionCalendar() {}

    static byte[] request(Invitation invitation) {
        return write(invitation, ImmutableMethod.REQUEST, ImmutableStatus.VEVENT_CONFIRMED);
    }

    /** The cancellation: the same UID with a higher SEQUENCE, so that clients remove the event. */
    static byte[] cancel(Invitation invitation) {
        return write(invitation, ImmutableMethod.CANCEL, ImmutableStatus.VEVENT_CANCELLED);
    }

    private static byte[] write(Invitation invitation, Method method, Status status) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Guichet//Events//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        var zone = definition(invitation.zone());
        if (zone != null) {
            calendar.add(zone);
        }
        var event = new VEvent(false);
        event.add(new Uid(oneLine(invitation.uid())));
        event.add(new Sequence(invitation.sequence()));
        event.add(new DtStamp(invitation.stamp()));
        event.add(new DtStart<>(local(invitation.start(), invitation.zone(), zone != null)));
        event.add(new DtEnd<>(local(invitation.end(), invitation.zone(), zone != null)));
        event.add(new Summary(text(invitation.summary())));
        event.add(new Description(text(invitation.description())));
        event.add(status);
        var location = invitation.location();
        if (location != null && !location.isBlank()) {
            event.add(new Location(text(location)));
        }
        var url = invitation.url();
        if (url != null && !url.isBlank()) {
            event.add(new Url(URI.create(url)));
        }
        event.add(new Organizer(mailto(invitation.organizerEmail())).add(new Cn(name(invitation.organizerName()))));
        event.add(new Attendee(mailto(invitation.attendeeEmail()))
                .add(new Cn(name(invitation.attendeeName())))
                .add(Role.REQ_PARTICIPANT)
                .add(PartStat.ACCEPTED));
        calendar.add(event);
        return fold(calendar.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** The zone's VTIMEZONE, from the definitions in the ical4j jar; none for a fixed offset such as UTC. */
    private static @Nullable VTimeZone definition(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset) {
            return null;
        }
        try {
            var known = ZONES.getTimeZone(zone.getId());
            return known == null ? null : known.getVTimeZone();
        } catch (RuntimeException unknown) {
            // ical4j 4.2.2 fails on an id it has no definition of (a zone newer than its data)
            return null;
        }
    }

    /** In the zone with its TZID; in UTC for a zone ical4j has no definition of (a bare offset). */
    private static Temporal local(Instant instant, ZoneId zone, boolean defined) {
        return defined ? instant.atZone(zone) : instant;
    }

    /** Line breaks as "\n" (escaped by ical4j), other controls left out. */
    private static String text(String text) {
        return CONTROLS.matcher(text.replaceAll("\\r\\n?", "\n")).replaceAll("");
    }

    /** Values ical4j writes as they are (a UID, a parameter) must not start a line of their own. */
    private static String oneLine(String text) {
        return text(text).replaceAll("\\s", " ");
    }

    /** A CN parameter without double quotes, which no parameter value may hold. */
    private static String name(String name) {
        return oneLine(name).replace('"', '\'');
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + email, e);
        }
    }

    /**
     * Lines cut at 75 octets of UTF-8, never inside a character, each continuation starting with a
     * space (RFC 5545 §3.1). ical4j's own folding counts chars, which lets accented lines run longer.
     */
    static String fold(String unfolded) {
        var out = new StringBuilder();
        for (var line : unfolded.split(CRLF)) {
            var octets = 0;
            for (var c : line.codePoints().toArray()) {
                var size = Character.toString(c).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > FOLD) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(c);
                octets += size;
            }
            out.append(CRLF);
        }
        return out.toString();
    }
}
