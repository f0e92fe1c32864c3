package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.MatrixCell;
import fr.guichet.support.People;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the events module × every kind of person, for one event aimed at establishment E
 * alone that shows its participants; its one session starts in half an hour, its registrations closed
 * yesterday. Outcomes: {@link MatrixCell}'s letters (O allowed, H not found, F refused, L sent to sign
 * in). The people:
 * <ul>
 * <li>ANON: not signed in;</li>
 * <li>MEM-E: a member of E with no place;</li>
 * <li>HOLD: a member of E holding a confirmed place in the session (registered by the agency, marked
 * present at the roll: he has his convocation, his invitation and his attendance certificate);</li>
 * <li>MEM-O: a member of another establishment O;</li>
 * <li>SA-E, SA-O: the super admins of E and of O;</li>
 * <li>AGENT: an agent of the agency; PADM: a platform admin.</li>
 * </ul>
 * The rules read in the table: organising is the agency's (others 403); an event aimed at E does not
 * exist for O's people; the participants are the agency's to list, and a participant's where the event
 * shows them, nobody else's (a person never sees another establishment's registrations unless the event
 * shows participants); E's approvals are its super admins' and the platform admins'; a registration, its
 * papers and an attendance certificate are their holder's alone; anyone checks a certificate's code.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsMatrixTest {

    enum Persona {
        ANONYMOUS("ANON"),
        MEMBER_E("MEM-E"),
        HOLDER("HOLD"),
        MEMBER_O("MEM-O"),
        SUPER_ADMIN_E("SA-E"),
        SUPER_ADMIN_O("SA-O"),
        AGENT("AGENT"),
        PLATFORM_ADMIN("PADM");

        final String column;

        Persona(String column) {
            this.column = column;
        }
    }

    /**
     * One line per endpoint as the controllers map it. In the paths: {id} is the event, or E under
     * /organisations; {session} the event's session; {registration} the holder's (a cancelled one of
     * another member of E under /agence and /organisations, where the agency and E's super admins may
     * act on it); {event} the event; {importId} a list import for the session that registered nobody (its
     * one address is no account's). Writes send nothing but the CSRF token: rights are checked first,
     * then the empty or stale request refused, and nothing changes (checked after every cell).
     */
    static final String EXPECTED = """
            endpoint                                                               ANON MEM-E HOLD MEM-O SA-E SA-O AGENT PADM
            GET  /evenements                                                       L    O     O    O     O    O    O     O
            GET  /evenements/{id}                                                  L    O     O    H     O    H    O     O
            POST /evenements/{id}/inscription                                      L    O     O    H     O    H    O     O
            GET  /evenements/{id}/sessions/{session}/participants                  L    H     O    H     H    H    O     O
            GET  /mes-inscriptions                                                 L    O     O    O     O    O    O     O
            POST /mes-inscriptions/{registration}/annulation                       L    H     O    H     H    H    H     H
            GET  /mes-inscriptions/{registration}/convocation.pdf                  L    H     O    H     H    H    H     H
            GET  /mes-inscriptions/{registration}/invitation.ics                   L    H     O    H     H    H    H     H
            GET  /mes-inscriptions/evenements/{event}/attestation.pdf              L    H     O    H     H    H    H     H
            GET  /attestations/verification                                        O    O     O    O     O    O    O     O
            GET  /agence/evenements                                                L    F     F    F     F    F    O     O
            GET  /agence/evenements/nouveau                                        L    F     F    F     F    F    O     O
            POST /agence/evenements/nouveau                                        L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}                                           L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}/modification                              L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/modification                              L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/annulation                                L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/inscriptions                              L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/inscriptions/{registration}/annulation    L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}/sessions/{session}/participants.csv       L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}/sessions/{session}/presences              L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/sessions/{session}/presences              L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}/import                                    L    F     F    F     F    F    O     O
            POST /agence/evenements/{id}/import                                    L    F     F    F     F    F    O     O
            GET  /agence/evenements/{id}/import/{importId}                         L    F     F    F     F    F    O     O
            GET  /agence/evenements/statistiques                                   L    F     F    F     F    F    O     O
            GET  /agence/evenements/statistiques.csv                               L    F     F    F     F    F    O     O
            GET  /organisations/{id}/inscriptions-evenements                       L    H     H    H     O    H    H     O
            POST /organisations/{id}/inscriptions-evenements/{registration}/accord L    H     H    H     O    H    H     O
            POST /organisations/{id}/inscriptions-evenements/{registration}/refus  L    H     H    H     O    H    H     O
            GET  /organisations/{id}/statistiques-evenements                       L    H     H    H     O    H    O     O
            GET  /organisations/{id}/statistiques-evenements.csv                   L    H     H    H     O    H    O     O
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Delegation delegation;

    @Autowired
    Events events;

    @Autowired
    Registrations registrations;

    @Autowired
    AttendanceCertificates certificates;

    @Autowired
    EventImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    EventsWorld world;
    final Map<Persona, Visitor> visitors = new EnumMap<>(Persona.class);
    long event;
    long session;
    long held;
    long cancelled;
    String code;
    long importRun;
    String title;
    int eventsBefore;

    @BeforeAll
    void world() throws Exception {
        world = new EventsWorld(accounts, events).build(organizations, delegation, 3);
        var platformAdmin = People.uniqueEmail();
        accounts.createVerified(
                platformAdmin, Civility.MONSIEUR, "Plateforme", "Paul", null, true, People.GOOD_PASSWORD);
        var now = events.now();
        // registrations closed yesterday: a member's own cancellation is refused, whoever asks
        var draft = new EventDraft(
                "Matrice " + world.suffix,
                "Une session pour la matrice des droits.",
                EventKind.TRAINING,
                null,
                Set.of(),
                world.forE(),
                now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)),
                false,
                true,
                List.of(new EventDraft.SessionDraft(
                        null,
                        now.plus(Duration.ofMinutes(30)),
                        now.plus(Duration.ofMinutes(150)),
                        "Amphi",
                        null,
                        null,
                        5,
                        false)));
        title = draft.title();
        event = events.publish(world.agentId, draft, false);
        session = world.firstSession(event);
        var holder = world.member(1);
        held = registrations
                .register(world.agentId, world.id(holder), session, null, world.e, true)
                .registrationId();
        cancelled = registrations
                .register(world.agentId, world.id(world.member(2)), session, null, world.e, true)
                .registrationId();
        registrations.cancel(world.agentId, cancelled, true);
        registrations.recordAttendance(world.agentId, session, Map.of(held, Attendance.PRESENT));
        code = certificates.of(event, world.id(holder).value()).orElseThrow().code();
        importRun = imports.start(
                world.agentId,
                event,
                session,
                List.of(new EventImportFile.Line(2, "personne.inconnue." + world.suffix + "@exemple.test", null)),
                Locale.FRENCH);
        eventsBefore = agencyEvents();

        var emails = Map.of(
                Persona.MEMBER_E, world.member(0),
                Persona.HOLDER, holder,
                Persona.MEMBER_O, world.outsider,
                Persona.SUPER_ADMIN_E, world.superAdmin,
                Persona.SUPER_ADMIN_O, world.otherSuperAdmin,
                Persona.AGENT, world.agent,
                Persona.PLATFORM_ADMIN, platformAdmin);
        emails.forEach((persona, email) -> {
            try {
                visitors.put(persona, Visitor.signedIn(mvc, email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        visitors.put(Persona.ANONYMOUS, new Visitor(mvc));
    }

    Stream<Arguments> cells() {
        var cells = new ArrayList<Arguments>();
        for (var endpoint : endpoints()) {
            for (var persona : Persona.values()) {
                cells.add(Arguments.of(endpoint, persona));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachPersonGetsWhatTheTableSays(String endpoint, Persona persona) throws Exception {
        var method = HttpMethod.valueOf(endpoint.substring(0, endpoint.indexOf(' ')));
        var template = endpoint.substring(endpoint.indexOf(' ') + 1);
        var path = template.replace(
                        "{id}", Long.toString(template.startsWith("/organisations/") ? world.e.value() : event))
                .replace("{event}", Long.toString(event))
                .replace("{session}", Long.toString(session))
                .replace("{importId}", Long.toString(importRun))
                .replace("{registration}", Long.toString(template.startsWith("/mes-inscriptions/") ? held : cancelled));
        var request = request(method, path);
        if (method == HttpMethod.POST) {
            request.with(csrf());
        }
        if (template.equals("/attestations/verification")) {
            request.param("code", code);
        }
        var response = visitors.get(persona).perform(request).andReturn().getResponse();
        var expected = expected(endpoint, persona);
        MatrixCell.assertOutcome(response, expected, false, endpoint + " as " + persona);
        if (!expected.equals("O")) {
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .as("%s as %s tells nothing of the event", endpoint, persona)
                    .doesNotContain(title);
        }

        // nothing the table's writes sent changed anything
        assertThat(agencyEvents()).as("events published").isEqualTo(eventsBefore);
        var found = events.find(event).orElseThrow();
        assertThat(found.cancelled()).isFalse();
        assertThat(found.title()).isEqualTo(title);
        assertThat(found.sessions()).hasSize(1);
        assertThat(registrations.find(held).orElseThrow())
                .extracting(RegistrationView::status, RegistrationView::attendance)
                .containsExactly(RegistrationStatus.CONFIRMED, Attendance.PRESENT);
        assertThat(registrations.find(cancelled).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(jdbc.sql("select count(*) from event_import where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .as("list imports of the event")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_registration where session_id = :s")
                        .param("s", session)
                        .query(Integer.class)
                        .single())
                .as("registrations of the session")
                .isEqualTo(2);
    }

    /** The list of events shows it to those it is aimed at, and to the agency; not to O's people. */
    @Test
    void theListOfEventsShowsTheEventOnlyToThoseWhoMayOpenIt() throws Exception {
        for (var persona : List.of(
                Persona.MEMBER_E,
                Persona.HOLDER,
                Persona.SUPER_ADMIN_E,
                Persona.MEMBER_O,
                Persona.SUPER_ADMIN_O,
                Persona.AGENT,
                Persona.PLATFORM_ADMIN)) {
            var list = visitors.get(persona)
                    .perform(get("/evenements"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            if (expected("GET /evenements/{id}", persona).equals("O")) {
                assertThat(list).as("the list as %s", persona).contains(title);
            } else {
                assertThat(list).as("the list as %s", persona).doesNotContain(title);
            }
        }
    }

    /** The table has a line for every endpoint the module's controllers map, and none for another. */
    @Test
    void everyEndpointOfTheModuleIsInTheTable() {
        var mapped = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().equals(Events.class.getPackageName())) {
                return;
            }
            for (var method : info.getMethodsCondition().getMethods()) {
                for (var pattern : info.getPatternValues()) {
                    mapped.add(method.name() + " " + pattern);
                }
            }
        });
        assertThat(mapped).as("the events module's endpoints").isNotEmpty();
        assertThat(endpoints().stream().map(e -> e.replaceAll("\\s+", " ")).toList())
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    /** The table's header names the personas in their order. */
    @Test
    void theTablesColumnsAreThePersonas() {
        var header = EXPECTED.lines().findFirst().orElseThrow().strip().split("\\s+");
        assertThat(Arrays.copyOfRange(header, 1, header.length))
                .containsExactly(
                        Arrays.stream(Persona.values()).map(p -> p.column).toArray(String[]::new));
    }

    private static List<String> endpoints() {
        return rows().map(r -> r[0] + " " + r[1]).toList();
    }

    private static Stream<String[]> rows() {
        return EXPECTED.lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .map(l -> l.strip().split("\\s+"));
    }

    private static String expected(String endpoint, Persona persona) {
        var row = rows().filter(r -> (r[0] + " " + r[1]).equals(endpoint))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line for " + endpoint));
        assertThat(row).as("a letter per persona for %s", endpoint).hasSize(2 + Persona.values().length);
        return row[2 + persona.ordinal()];
    }

    private int agencyEvents() {
        return jdbc.sql("select count(*) from agency_event")
                .query(Integer.class)
                .single();
    }
}
