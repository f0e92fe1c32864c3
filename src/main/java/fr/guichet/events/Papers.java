package fr.guichet.events;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.PersonView;
import fr.guichet.organization.OrganizationId;
import fr.guichet.organization.Organizations;
import fr.guichet.shared.PublicAddress;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts into words what a registration's papers say (convocation, invitation, certificate): the rows
 * read here, the documents written by {@link ConvocationPdf}, {@link SessionCalendar} and
 * {@link AttendanceCertificatePdf}.
 */
@Component
class Papers {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organizations organizations;
    private final EventProperties properties;
    private final PublicAddress address;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;
    private final InternetAddress organizer;

    Papers(
            JdbcClient jdbc,
            Accounts accounts,
            Organizations organizations,
            EventProperties properties,
            PublicAddress address,
            MessageSource messages,
            Clock clock,
            @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone,
            @Value("${guichet.mail.from:Guichet <no-reply@guichet.localhost>}") String from) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organizations = organizations;
        this.properties = properties;
        this.address = address;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
        try {
            this.organizer = new InternetAddress(from, true);
        } catch (AddressException malformed) {
            throw new IllegalStateException("guichet.mail.from is not an address: " + from, malformed);
        }
    }

    /** A registration's event and session, as the papers and e-mails speak of them. */
    record About(
            long eventId,
            String title,
            String description,
            EventKind kind,
            Instant start,
            Instant end,
            @Nullable String place,
            @Nullable String address,
            @Nullable String videoLink,
            int sequence,
            ZoneId zone) {

        String when(Locale locale) {
            return SessionWording.when(start, end, zone, locale);
        }

        String where(Locale locale) {
            var parts = new java.util.ArrayList<String>();
            if (place != null) {
                parts.add(place);
            }
            if (address != null) {
                parts.add(address);
            }
            if (videoLink != null) {
                parts.add(videoLink);
            }
            return String.join(", ", parts);
        }
    }

    About about(RegistrationView registration) {
        return jdbc.sql("""
                        select e.id, e.title, e.description, e.kind, s.starts_at, s.ends_at, s.place, s.address,
                            s.video_link, s.sequence
                        from event_session s join agency_event e on e.id = s.event_id where s.id = :s""")
                .param("s", registration.sessionId())
                .query((rs, n) -> new About(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        EventKind.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        zone))
                .single();
    }

    byte[] convocation(RegistrationView registration, Locale locale) {
        var about = about(registration);
        var person = accounts.find(new AccountId(registration.accountId())).orElseThrow();
        return ConvocationPdf.write(new Paper(
                properties.agencyName(),
                properties.agencyAddress(),
                properties.signatory(),
                person.displayName(),
                establishment(registration.establishmentId()),
                about.title(),
                kind(about.kind(), locale),
                List.of(new Paper.Slot(about.start(), about.end(), about.place(), about.address(), about.videoLink())),
                registration.note(),
                reference(registration),
                null,
                zone,
                locale,
                clock.instant()));
    }

    byte[] certificate(
            AttendanceCertificates.Issued issued, List<AttendanceCertificates.Attended> sessions, Locale locale) {
        var slots = sessions.stream()
                .map(s -> new Paper.Slot(s.start(), s.end(), s.place(), null, null))
                .toList();
        var kind = jdbc.sql("select kind from agency_event where id = :e")
                .param("e", issued.eventId())
                .query(String.class)
                .single();
        return AttendanceCertificatePdf.write(
                new Paper(
                        properties.agencyName(),
                        properties.agencyAddress(),
                        properties.signatory(),
                        issued.personName(),
                        issued.establishment(),
                        issued.eventTitle(),
                        kind(EventKind.valueOf(kind), locale),
                        slots,
                        null,
                        issued.code(),
                        verification(issued.code()),
                        zone,
                        locale,
                        issued.issuedAt()),
                issued.attended());
    }

    String verification(String code) {
        return address.link("/attestations/verification?code={code}", code);
    }

    byte[] invitation(RegistrationView registration, PersonView person) {
        var about = about(registration);
        return SessionCalendar.request(invitation(registration, person, about, about.sequence()));
    }

    /**
     * The invitation withdrawn: one step above the session's sequence when the session itself did not
     * change (his own cancellation), the session's when it was cancelled (its sequence was raised then).
     */
    byte[] cancellation(RegistrationView registration, PersonView person) {
        var about = about(registration);
        var cancelledSession = jdbc.sql("select cancelled from event_session where id = :s")
                .param("s", registration.sessionId())
                .query(Boolean.class)
                .single();
        return SessionCalendar.cancel(
                invitation(registration, person, about, cancelledSession ? about.sequence() : about.sequence() + 1));
    }

    private SessionCalendar.Invitation invitation(
            RegistrationView registration, PersonView person, About about, int sequence) {
        var location = about.where(Locale.FRENCH);
        var description = about.description().length() > 2_000
                ? about.description().substring(0, 2_000) + "…"
                : about.description();
        return new SessionCalendar.Invitation(
                // a new registration after a cancelled one is a new invitation, whose sequence starts again
                "registration-" + registration.id() + "-"
                        + registration.registeredAt().getEpochSecond() + "-"
                        + registration.registeredAt().getNano()
                        + "@" + host(),
                sequence,
                clock.instant(),
                about.start(),
                about.end(),
                zone,
                about.title(),
                description,
                location.isEmpty() ? null : location,
                address.link("/mes-inscriptions"),
                properties.agencyName(),
                organizer.getAddress(),
                person.displayName(),
                person.email());
    }

    private String host() {
        var host = address.uri().getHost();
        return host == null ? "guichet" : host;
    }

    private String reference(RegistrationView registration) {
        return "INS-" + registration.id();
    }

    private @Nullable String establishment(@Nullable Long id) {
        return id == null
                ? null
                : organizations.find(new OrganizationId(id)).map(o -> o.name()).orElse(null);
    }

    private String kind(EventKind kind, Locale locale) {
        return messages.getMessage("events.kind." + kind.name(), null, locale);
    }
}
