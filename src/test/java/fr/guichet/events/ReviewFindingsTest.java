package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.news.Target;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What the review of the events module found, each as a user or an attacker would meet it: a
 * certificate that still checks once its holder's place is gone, an establishment's figures naming
 * events that are none of its business, forms that answer 500 or leave a session over its capacity.
 */
@IntegrationTest
class ReviewFindingsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

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
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    EventsWorld world;

    @BeforeEach
    void world() {
        world = new EventsWorld(accounts, events).build(organizations, delegation, 3);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** A session starting in half an hour (the roll is open), registrations closing in twenty minutes. */
    private long today(String title) {
        var now = events.now();
        return events.publish(
                world.agentId,
                new EventDraft(
                        title + " " + world.suffix,
                        "Une journée.",
                        EventKind.TRAINING,
                        null,
                        Set.of(),
                        new Target(true, Map.of()),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofMinutes(20)),
                        false,
                        false,
                        List.of(new EventDraft.SessionDraft(
                                null,
                                now.plus(Duration.ofMinutes(30)),
                                now.plus(Duration.ofMinutes(30 + 180)),
                                "Amphi",
                                null,
                                null,
                                5,
                                false))),
                false);
    }

    private String presentWithCertificate(long id, long session, Visitor member) throws Exception {
        member.perform(post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        var registration = registrations
                .ofSession(session, Set.of(RegistrationStatus.CONFIRMED))
                .get(0);
        Visitor.signedIn(mvc, world.agent)
                .perform(post("/agence/evenements/{e}/sessions/{s}/presences", id, session)
                        .with(csrf())
                        .param("attendance[" + registration.id() + "]", "PRESENT"));
        var code = page(member.perform(get("/mes-inscriptions")))
                .select("[data-testid=certificates] small")
                .text()
                .replace("Code de vérification : ", "");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(checks(code)).isTrue();
        return code;
    }

    private boolean checks(String code) throws Exception {
        return page(new Visitor(mvc).perform(get("/attestations/verification").param("code", code)))
                .select("[data-testid=unknown-code]")
                .isEmpty();
    }

    @Test
    void aPlaceCancelledAfterTheRollNoLongerCertifiesAttendance() throws Exception {
        var id = today("Appel puis annulation");
        var session = world.firstSession(id);
        var member = Visitor.signedIn(mvc, world.member(0));
        var code = presentWithCertificate(id, session, member);

        // marked present by mistake before the start, then his place is cancelled by the organiser
        var registration = registrations
                .ofSession(session, Set.of(RegistrationStatus.CONFIRMED))
                .get(0);
        Visitor.signedIn(mvc, world.agent)
                .perform(post("/agence/evenements/{e}/inscriptions/{r}/annulation", id, registration.id())
                        .with(csrf()));
        assertThat(registrations.find(registration.id()).orElseThrow().status())
                .isEqualTo(RegistrationStatus.CANCELLED);

        assertThat(checks(code))
                .as("the code of a cancelled place still checks")
                .isFalse();
        assertThat(member.perform(get("/mes-inscriptions/evenements/{e}/attestation.pdf", id))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aSessionCancelledAfterTheRollNoLongerCertifiesAttendance() throws Exception {
        var id = today("Appel puis session annulée");
        var session = world.firstSession(id);
        var code = presentWithCertificate(id, session, Visitor.signedIn(mvc, world.member(0)));

        Visitor.signedIn(mvc, world.agent)
                .perform(post("/agence/evenements/{id}/annulation", id)
                        .with(csrf())
                        .param("confirm", "yes"));
        assertThat(events.find(id).orElseThrow().cancelled()).isTrue();

        assertThat(checks(code))
                .as("the code of a cancelled session still checks")
                .isFalse();
    }

    @Test
    void anEstablishmentsFiguresNameOnlyTheEventsItsMembersRegisteredFor() throws Exception {
        // an event aimed at the other establishment only, nobody of E registered
        var elsewhere = events.publish(
                world.agentId,
                world.draft(
                        "Réservé à O",
                        new Target(
                                false,
                                Map.of(
                                        fr.guichet.news.Criterion.ESTABLISHMENT,
                                        Set.of(Long.toString(world.o.value())))),
                        false,
                        false,
                        EventsWorld.session(events.now(), 7, 5)),
                false);
        var supervisor = Visitor.signedIn(mvc, world.superAdmin);
        var title = events.find(elsewhere).orElseThrow().title();

        var page = page(supervisor.perform(get("/organisations/{id}/statistiques-evenements", world.e.value())));
        assertThat(page.text()).doesNotContain(title);
        var csv = supervisor
                .perform(get("/organisations/{id}/statistiques-evenements.csv", world.e.value()))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .as("the export names an event aimed at another establishment")
                .doesNotContain(title);
    }

    @Test
    void aSessionRowAtAHugeIndexIsNotAServerError() throws Exception {
        var agent = Visitor.signedIn(mvc, world.agent);
        var answer = agent.perform(post("/agence/evenements/nouveau")
                        .with(csrf())
                        .param("title", "Index")
                        .param("description", "Texte")
                        .param("kind", "TRAINING")
                        .param("audience", "everyone")
                        .param("opensAt", "2030-01-01T09:00")
                        .param("deadline", "2030-01-10T09:00")
                        .param("sessions[100000].day", "2030-01-20")
                        .param("sessions[100000].start", "09:00")
                        .param("sessions[100000].end", "12:00")
                        .param("sessions[100000].place", "Salle")
                        .param("sessions[100000].capacity", "10"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isNotEqualTo(500);
    }

    @Test
    void aDateTheDatabaseCannotHoldIsAFormErrorNotAServerError() throws Exception {
        var agent = Visitor.signedIn(mvc, world.agent);
        var before = jdbc.sql("select count(*) from agency_event")
                .query(Integer.class)
                .single();
        var answer = agent.perform(post("/agence/evenements/nouveau")
                .with(csrf())
                .param("title", "Préhistoire")
                .param("description", "Texte")
                .param("kind", "TRAINING")
                .param("audience", "everyone")
                .param("opensAt", "-9999-01-01T09:00")
                .param("deadline", "2030-01-10T09:00")
                .param("sessions[0].day", "2030-01-20")
                .param("sessions[0].start", "09:00")
                .param("sessions[0].end", "12:00")
                .param("sessions[0].place", "Salle")
                .param("sessions[0].capacity", "10"));
        assertThat(answer.andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(page(answer).select("[data-testid=error]").text()).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from agency_event")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aSessionNamedTwiceInTheFormCannotEndBelowItsConfirmedPlaces() throws Exception {
        var id = world.publish("Deux fois", 1);
        var session = world.firstSession(id);
        for (var i = 0; i < 3; i++) {
            Visitor.signedIn(mvc, world.member(i))
                    .perform(post("/evenements/{id}/inscription", id)
                            .with(csrf())
                            .param("session", Long.toString(session)));
        }
        var agent = Visitor.signedIn(mvc, world.agent);
        var form = EventForm.of(events.find(id).orElseThrow(), EventsWorld.PARIS, 0);
        var row = form.getSessions().get(0);
        var request = post("/agence/evenements/{id}/modification", id)
                .with(csrf())
                .param("title", form.getTitle())
                .param("description", form.getDescription())
                .param("kind", form.getKind())
                .param("audience", "everyone")
                .param("opensAt", form.getOpensAt())
                .param("deadline", form.getDeadline());
        for (var i = 0; i < 2; i++) {
            request = request.param("sessions[" + i + "].id", row.getId())
                    .param("sessions[" + i + "].day", row.getDay())
                    .param("sessions[" + i + "].start", row.getStart())
                    .param("sessions[" + i + "].end", row.getEnd())
                    .param("sessions[" + i + "].place", row.getPlace())
                    .param("sessions[" + i + "].address", row.getAddress())
                    // the room grows (the waiting list fills it), then shrinks back in the same form
                    .param("sessions[" + i + "].capacity", i == 0 ? "3" : "1");
        }
        agent.perform(request);

        var after = events.find(id).orElseThrow().session(session);
        assertThat(after.confirmed()).as("confirmed places within the capacity").isLessThanOrEqualTo(after.capacity());
    }

    static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
