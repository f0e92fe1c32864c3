package fr.guichet.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.Accounts;
import fr.guichet.administration.Delegation;
import fr.guichet.organization.Organizations;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.TestClock;
import fr.guichet.support.TestSmtp;
import fr.guichet.support.Visitor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
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
 * Events as their people meet them: a member registers and finds his convocation and invitation in his
 * mail; a full session puts people on a waiting list that a cancellation moves in order; registrations
 * keep to their window; twenty people asking for the last place at once, one gets it; the participants'
 * list honours each one's consent; the roll gives a certificate anyone can check by its code; an
 * establishment agrees to its members' registrations while its super admin is one; reminders go once.
 */
@IntegrationTest
class EventsTest {

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
    Reminders reminders;

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

    @Test
    void aMemberRegistersAndFindsHisConvocationAndCalendarInvitationInHisMail() throws Exception {
        var id = world.publish("Prise en main", 2);
        var member = Visitor.signedIn(mvc, world.member(0));

        var page = page(member.perform(get("/evenements/{id}", id)));
        assertThat(page.select("h1").text()).startsWith("Prise en main");
        assertThat(page.select("[data-testid=event-description] strong").text()).isEqualTo("formation");
        assertThat(page.select("[data-testid=places-left]").text()).contains("2 places libres sur 2");

        var session = world.firstSession(id);
        member.perform(post("/evenements/{id}/inscription", id)
                        .with(csrf())
                        .param("session", Long.toString(session))
                        .param("note", "J’arriverai à 10 h."))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/evenements/" + id));
        var after = page(member.perform(get("/evenements/{id}", id)));
        assertThat(after.select("[data-testid=my-registrations]").text()).contains("Place confirmée");
        assertThat(after.select("[data-testid=places-left]").text()).contains("1 place libre sur 2");

        var mail = Mails.awaitFirst(greenMail, world.member(0));
        assertThat(mail.getSubject()).isEqualTo("Guichet : votre place est confirmée");
        assertThat(Letters.text(mail))
                .contains("Prise en main")
                .contains("9 h 30")
                .contains("Salle Condorcet");
        var pdf = Letters.attachment(mail, ".pdf");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(Letters.pdfText(pdf.content()))
                .contains("Marie Membre0")
                .contains("Prise en main")
                .contains("9 h 30")
                .contains("17 h 00")
                .contains("Salle Condorcet");
        var ics = Letters.attachment(mail, ".ics");
        assertThat(ics.contentType()).contains("text/calendar").containsIgnoringCase("method=REQUEST");
        var calendar = Letters.calendar(ics.content());
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
        var vevent = calendar.getComponent(Component.VEVENT).orElseThrow();
        assertThat(vevent.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("0");
        assertThat(vevent.getProperty(Property.DTSTART).orElseThrow().getValue())
                .endsWith("T093000");
        assertThat(vevent.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .isEqualToIgnoringCase("mailto:" + world.member(0));

        var mine = page(member.perform(get("/mes-inscriptions")));
        assertThat(mine.select("[data-testid=upcoming] [data-testid=registration]")
                        .text())
                .contains("Prise en main")
                .contains("Place confirmée");
        var link =
                mine.select("[data-testid=upcoming] a[href$=convocation.pdf]").attr("href");
        var downloaded = member.perform(get(link)).andReturn().getResponse();
        assertThat(downloaded.getContentType()).isEqualTo("application/pdf");
        assertThat(Letters.pdfText(downloaded.getContentAsByteArray())).contains("Marie Membre0");

        // the note reaches the organiser, and the move is in the journal
        var agent = Visitor.signedIn(mvc, world.agent);
        assertThat(page(agent.perform(get("/agence/evenements/{id}", id)))
                        .select("[data-testid=agency-registration]")
                        .text())
                .contains("J’arriverai à 10 h.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit_entry where action = 'EVENT_REGISTRATION_MOVED'"
                                        + " and target like :t")
                                .param("t", "event registration %")
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    @Test
    void aFullSessionFillsAWaitingListThatACancellationMovesInOrder() throws Exception {
        var id = world.publish("Complet", 1);
        var session = world.firstSession(id);
        for (var i = 0; i < 3; i++) {
            Visitor.signedIn(mvc, world.member(i))
                    .perform(post("/evenements/{id}/inscription", id)
                            .with(csrf())
                            .param("session", Long.toString(session)));
        }
        var second = Visitor.signedIn(mvc, world.member(1));
        assertThat(page(second.perform(get("/evenements/{id}", id)))
                        .select("[data-testid=rank]")
                        .text())
                .isEqualTo("N° 1 sur la liste d’attente");
        var waitingMail = Mails.awaitFirst(greenMail, world.member(2));
        assertThat(waitingMail.getSubject()).isEqualTo("Guichet : vous êtes sur liste d’attente");
        assertThat(Letters.text(waitingMail)).contains("n° 2 sur la liste d’attente");
        assertThat(Letters.attachments(waitingMail)).isEmpty();

        // the first cancels: the second gets the place, told with his convocation; the third moves up
        var first = Visitor.signedIn(mvc, world.member(0));
        var mine = page(first.perform(get("/mes-inscriptions")));
        var cancel =
                mine.select("[data-testid=upcoming] form[action$=/annulation]").attr("action");
        first.perform(post(cancel).with(csrf()));
        var cancelled = Mails.nth(greenMail, world.member(0), 2);
        assertThat(cancelled.getSubject()).isEqualTo("Guichet : inscription annulée");
        var withdrawn = Letters.calendar(Letters.attachment(cancelled, ".ics").content());
        assertThat(withdrawn.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");

        var promoted = Mails.nth(greenMail, world.member(1), 2);
        assertThat(promoted.getSubject()).isEqualTo("Guichet : votre place est confirmée");
        assertThat(Letters.text(promoted)).contains("Une place s’est libérée");
        assertThat(Letters.attachments(promoted))
                .extracting(Letters.Attachment::name)
                .containsExactlyInAnyOrder("convocation.pdf", "invitation.ics");
        assertThat(page(Visitor.signedIn(mvc, world.member(2)).perform(get("/mes-inscriptions")))
                        .select("[data-testid=waiting] [data-testid=rank]")
                        .text())
                .isEqualTo("N° 1 sur la liste d’attente");
        assertThat(statuses(session)).containsExactly("CANCELLED", "CONFIRMED", "WAITING");

        // the figures: this event's row, and the establishment's
        var agent = Visitor.signedIn(mvc, world.agent);
        var figures = page(agent.perform(get("/agence/evenements/statistiques")));
        var row = figures.select("[data-testid=event-figure]").stream()
                .filter(r -> r.select("th").text().equals("Complet " + world.suffix))
                .findFirst()
                .orElseThrow();
        assertThat(row.select("td").eachText()).startsWith("1", "1", "1", "0", "1");
        var establishment = figures.select("[data-testid=establishment-figure]").stream()
                .filter(r -> r.select("th").text().equals("Université " + world.suffix))
                .findFirst()
                .orElseThrow();
        assertThat(establishment.select("td").eachText()).startsWith("3", "1", "1");
        var csv = new String(
                agent.perform(get("/agence/evenements/statistiques.csv"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("Complet " + world.suffix);
        assertThat(Visitor.signedIn(mvc, world.member(0))
                        .perform(get("/agence/evenements/statistiques"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void registrationsKeepToTheirWindowAndTheAgencyCanStillRegisterSomeone() throws Exception {
        var now = events.now();
        var id = events.publish(
                world.agentId,
                new EventDraft(
                        "Plus tard " + world.suffix,
                        "Une journée.",
                        EventKind.TRAINING,
                        null,
                        Set.of(),
                        new fr.guichet.news.Target(true, java.util.Map.of()),
                        now.plus(Duration.ofDays(2)),
                        now.plus(Duration.ofDays(10)),
                        false,
                        false,
                        java.util.List.of(EventsWorld.session(now, 20, 5))),
                false);
        var session = world.firstSession(id);
        var member = Visitor.signedIn(mvc, world.member(0));
        assertThat(page(member.perform(get("/evenements/{id}", id)))
                        .select("[data-testid=not-yet]")
                        .text())
                .startsWith("Inscriptions à partir du");
        assertThat(page(member.perform(post("/evenements/{id}/inscription", id)
                                .with(csrf())
                                .param("session", Long.toString(session))))
                        .select("[data-testid=error]")
                        .text())
                .isEqualTo("Les inscriptions ne sont pas encore ouvertes.");

        // the clock moved on, the pages' sessions would have expired: the rules are the service's own
        clock.advance(Duration.ofDays(3));
        var first = world.id(world.member(0));
        assertThat(registrations
                        .register(first, first, session, null, world.e, false)
                        .status())
                .isEqualTo(RegistrationStatus.CONFIRMED);

        clock.advance(Duration.ofDays(8));
        var second = world.id(world.member(1));
        assertThatThrownBy(() -> registrations.register(second, second, session, null, world.e, false))
                .isInstanceOf(EventRefusal.class)
                .hasMessage("events.refused.closed");
        var registration = registrations
                .ofSession(session, Set.of(RegistrationStatus.CONFIRMED))
                .get(0);
        assertThatThrownBy(() -> registrations.cancel(first, registration.id(), false))
                .isInstanceOf(EventRefusal.class)
                .hasMessage("events.refused.cancel-closed");
        assertThat(statuses(session)).containsExactly("CONFIRMED");

        // the agency registers someone after the deadline, by his address; an unknown address is said so
        clock.reset();
        jdbc.sql("update agency_event set opens_at = :o, deadline = :d where id = :id")
                .param("o", java.sql.Timestamp.from(events.now().minus(Duration.ofDays(9))))
                .param("d", java.sql.Timestamp.from(events.now().minus(Duration.ofDays(1))))
                .param("id", id)
                .update();
        var agent = Visitor.signedIn(mvc, world.agent);
        agent.perform(post("/agence/evenements/{id}/inscriptions", id)
                .with(csrf())
                .param("email", world.member(1))
                .param("session", Long.toString(session)));
        assertThat(statuses(session)).containsExactly("CONFIRMED", "CONFIRMED");
        var unknown = agent.perform(post("/agence/evenements/{id}/inscriptions", id)
                        .with(csrf())
                        .param("email", "personne@nulle-part.example")
                        .param("session", Long.toString(session)))
                .andReturn();
        assertThat(unknown.getFlashMap().get("refused")).isEqualTo("Aucun compte ne porte cette adresse électronique.");
    }

    @Test
    void twentyPeopleAskingForTheLastPlaceAtOnceOneGetsItAndTheOthersWaitInOrder() throws Exception {
        world.more(18);
        var id = world.publish("Dernière place", 1);
        var session = world.firstSession(id);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        var outcomes = new ArrayList<java.util.concurrent.Future<Registrations.Outcome>>();
        for (var i = 1; i <= 20; i++) {
            var person = world.id(world.member(i));
            outcomes.add(pool.submit(() -> {
                start.await();
                return registrations.register(person, person, session, null, world.e, false);
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        var confirmed = 0;
        var ranks = new ArrayList<Integer>();
        for (var outcome : outcomes) {
            var result = outcome.get();
            if (result.status() == RegistrationStatus.CONFIRMED) {
                confirmed++;
            } else {
                assertThat(result.status()).isEqualTo(RegistrationStatus.WAITING);
                ranks.add(result.rank());
            }
        }
        assertThat(confirmed).isEqualTo(1);
        assertThat(ranks)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 19).boxed().toList());
        assertThat(events.find(id).orElseThrow().sessions().get(0).confirmed()).isEqualTo(1);
    }

    @Test
    void theParticipantsListGivesProfessionalDetailsOnlyOfThoseWhoConsentedAndOnlyToParticipants() throws Exception {
        var id = events.publish(
                world.agentId,
                world.draft(
                        "Club",
                        new fr.guichet.news.Target(true, java.util.Map.of()),
                        false,
                        true,
                        EventsWorld.session(events.now(), 7, 10)),
                false);
        var session = world.firstSession(id);
        var consenting = Visitor.signedIn(mvc, world.member(0));
        consenting.perform(post("/compte/preferences").with(csrf()).param("consent", "true"));
        var silent = Visitor.signedIn(mvc, world.member(1));
        for (var who : new Visitor[] {consenting, silent}) {
            who.perform(post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        }
        var list = page(silent.perform(get("/evenements/{e}/sessions/{s}/participants", id, session)));
        var rows = list.select("[data-testid=participant]");
        assertThat(rows).hasSize(2);
        assertThat(rows.text()).contains(world.member(0)).doesNotContain(world.member(1));
        assertThat(rows.text()).contains("Université " + world.suffix);
        assertThat(list.text()).doesNotContain("Présent");

        var csv = new String(
                Visitor.signedIn(mvc, world.agent)
                        .perform(get("/agence/evenements/{e}/sessions/{s}/participants.csv", id, session))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv)
                .contains(world.member(0))
                .doesNotContain(world.member(1))
                .contains("MEMBRE1");

        // consent withdrawn: gone from the list at once
        consenting.perform(post("/compte/preferences").with(csrf()));
        assertThat(page(silent.perform(get("/evenements/{e}/sessions/{s}/participants", id, session)))
                        .text())
                .doesNotContain(world.member(0));

        // someone not registered, or no longer, sees no list
        assertThat(Visitor.signedIn(mvc, world.member(2))
                        .perform(get("/evenements/{e}/sessions/{s}/participants", id, session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        var own = registrations.ofSession(session, Set.of(RegistrationStatus.CONFIRMED)).stream()
                .filter(r -> r.accountId() == world.id(world.member(1)).value())
                .findFirst()
                .orElseThrow();
        silent.perform(post("/mes-inscriptions/{r}/annulation", own.id()).with(csrf()));
        assertThat(silent.perform(get("/evenements/{e}/sessions/{s}/participants", id, session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theRollGivesACertificateAnyoneCanCheckByItsCodeAndNothingElse() throws Exception {
        // a week ahead, the roll cannot be taken yet
        var later = world.publish("Plus tard", 5);
        var laterSession = world.firstSession(later);
        Visitor.signedIn(mvc, world.member(2))
                .perform(post("/evenements/{id}/inscription", later)
                        .with(csrf())
                        .param("session", Long.toString(laterSession)));
        var waitingForIt = registrations
                .ofSession(laterSession, Set.of(RegistrationStatus.CONFIRMED))
                .get(0);
        var agent = Visitor.signedIn(mvc, world.agent);
        var early = agent.perform(post("/agence/evenements/{e}/sessions/{s}/presences", later, laterSession)
                .with(csrf())
                .param("attendance[" + waitingForIt.id() + "]", "PRESENT"));
        assertThat(page(early).select("[data-testid=error]").text())
                .isEqualTo("Les présences s’enregistrent à partir d’une heure avant le début de la session.");

        // today's session, starting in half an hour: registered, then the roll as people arrive
        var now = events.now();
        var today = new EventDraft.SessionDraft(
                null,
                now.plus(Duration.ofMinutes(30)),
                now.plus(Duration.ofMinutes(30 + 450)),
                "Amphi",
                null,
                null,
                5,
                false);
        var id = events.publish(
                world.agentId,
                new EventDraft(
                        "Attestée " + world.suffix,
                        "Une journée.",
                        EventKind.TRAINING,
                        null,
                        Set.of(),
                        new fr.guichet.news.Target(true, java.util.Map.of()),
                        now.minus(Duration.ofHours(1)),
                        now.plus(Duration.ofMinutes(20)),
                        false,
                        false,
                        java.util.List.of(today)),
                false);
        var session = world.firstSession(id);
        var present = Visitor.signedIn(mvc, world.member(0));
        var absent = Visitor.signedIn(mvc, world.member(1));
        for (var who : new Visitor[] {present, absent}) {
            who.perform(post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        }
        var confirmed = registrations.ofSession(session, Set.of(RegistrationStatus.CONFIRMED));
        var roll = page(agent.perform(get("/agence/evenements/{e}/sessions/{s}/presences", id, session)));
        assertThat(roll.select("[data-testid=roll-person] legend").eachText())
                .as(roll::text)
                .hasSize(2);
        var ids = confirmed.stream()
                .collect(java.util.stream.Collectors.toMap(RegistrationView::accountId, RegistrationView::id));
        agent.perform(post("/agence/evenements/{e}/sessions/{s}/presences", id, session)
                .with(csrf())
                .param("attendance[" + ids.get(world.id(world.member(0)).value()) + "]", "PRESENT")
                .param("attendance[" + ids.get(world.id(world.member(1)).value()) + "]", "ABSENT"));

        var mine = page(present.perform(get("/mes-inscriptions")));
        var certificateLink = mine.select("[data-testid=certificates] a").attr("href");
        var code = mine.select("[data-testid=certificates] small").text().replace("Code de vérification : ", "");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        var pdf = Letters.pdfText(
                present.perform(get(certificateLink)).andReturn().getResponse().getContentAsByteArray());
        assertThat(pdf)
                .contains("Marie Membre0")
                .contains("Attestée")
                .contains(code)
                .contains("7 h 30");
        assertThat(page(absent.perform(get("/mes-inscriptions"))).select("[data-testid=certificates] a"))
                .isEmpty();
        assertThat(absent.perform(get("/mes-inscriptions/evenements/{e}/attestation.pdf", id))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // anyone, signed in or not, checks the code, typed any way; sees the name, the event, the hours
        var stranger = new Visitor(mvc);
        var checked = page(stranger.perform(get("/attestations/verification")
                .param("code", code.toLowerCase(java.util.Locale.ROOT).replace("-", " "))));
        assertThat(checked.select("[data-testid=certified-person]").text()).isEqualTo("Marie Membre0");
        assertThat(checked.select("[data-testid=certified-hours]").text()).isEqualTo("7 h 30");
        assertThat(checked.text()).doesNotContain(world.member(0)).doesNotContain("Université");
        assertThat(page(stranger.perform(get("/attestations/verification").param("code", "2222-2222-2222")))
                        .select("[data-testid=unknown-code]"))
                .hasSize(1);

        // the organiser corrects the roll: the certificate is withdrawn, its code no longer checks
        agent.perform(post("/agence/evenements/{e}/sessions/{s}/presences", id, session)
                .with(csrf())
                .param("attendance[" + ids.get(world.id(world.member(0)).value()) + "]", "EXCUSED"));
        assertThat(page(stranger.perform(get("/attestations/verification").param("code", code)))
                        .select("[data-testid=unknown-code]"))
                .hasSize(1);
    }

    @Test
    void anEstablishmentAgreesToItsMembersRegistrationsWhileItsSuperAdminIsOne() throws Exception {
        var id = events.publish(
                world.agentId,
                world.draft("Avec accord", world.forE(), true, false, EventsWorld.session(events.now(), 7, 5)),
                false);
        var session = world.firstSession(id);
        var member = Visitor.signedIn(mvc, world.member(0));
        member.perform(post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        assertThat(statuses(session)).containsExactly("PENDING");
        assertThat(Mails.awaitFirst(greenMail, world.superAdmin).getSubject())
                .isEqualTo("Guichet : une inscription à un événement attend votre accord");

        // aimed at E: someone of O does not see it
        assertThat(Visitor.signedIn(mvc, world.outsider)
                        .perform(get("/evenements/{id}", id))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        var pending = registrations
                .ofSession(session, Set.of(RegistrationStatus.PENDING))
                .get(0);
        var other = Visitor.signedIn(mvc, world.otherSuperAdmin);
        assertThat(other.perform(post(
                                        "/organisations/{o}/inscriptions-evenements/{r}/accord",
                                        world.e.value(),
                                        pending.id())
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(statuses(session)).containsExactly("PENDING");

        var superAdmin = Visitor.signedIn(mvc, world.superAdmin);
        var list = page(superAdmin.perform(get("/organisations/{o}/inscriptions-evenements", world.e.value())));
        assertThat(list.select("[data-testid=approval]").text()).contains("Avec accord");
        var approve =
                list.select("[data-testid=approval] form[action$=/accord]").attr("action");
        assertThat(approve).isNotEmpty();
        superAdmin.perform(post(approve).with(csrf()));
        assertThat(statuses(session)).containsExactly("CONFIRMED");
        assertThat(Mails.nth(greenMail, world.member(0), 2).getSubject())
                .isEqualTo("Guichet : votre place est confirmée");

        // the right ends with the super admin's: another member asks, the former super admin cannot decide
        Visitor.signedIn(mvc, world.member(1))
                .perform(
                        post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        var second = registrations
                .ofSession(session, Set.of(RegistrationStatus.PENDING))
                .get(0);
        superAdmin.perform(post("/organisations/{o}/super-admins", world.e.value())
                .with(csrf())
                .param("person", Long.toString(world.id(world.member(2)).value())));
        Visitor.signedIn(mvc, world.member(2))
                .perform(post(
                                "/organisations/{o}/super-admins/{a}/retrait",
                                world.e.value(),
                                world.id(world.superAdmin).value())
                        .with(csrf()));
        assertThat(delegation.isSuperAdminOf(world.id(world.superAdmin), world.e))
                .isFalse();
        assertThat(superAdmin
                        .perform(post(
                                        "/organisations/{o}/inscriptions-evenements/{r}/accord",
                                        world.e.value(),
                                        second.id())
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isIn(403, 404);
        assertThat(statuses(session)).containsExactly("CONFIRMED", "PENDING");
    }

    @Test
    void theDayBeforeEachPlaceHolderIsRemindedOnceAndAMovedSessionSendsANewInvitation() throws Exception {
        var id = world.publish("Rappel", 5);
        var session = world.firstSession(id);
        Visitor.signedIn(mvc, world.member(0))
                .perform(
                        post("/evenements/{id}/inscription", id).with(csrf()).param("session", Long.toString(session)));
        Mails.awaitFirst(greenMail, world.member(0));

        // the agent moves the session an hour later: a new invitation, one sequence up
        var agent = Visitor.signedIn(mvc, world.agent);
        var form = page(agent.perform(get("/agence/evenements/{id}/modification", id)));
        var request = post("/agence/evenements/{id}/modification", id).with(csrf());
        for (var input : form.select("form[method=post] input, form[method=post] textarea, form[method=post] select")) {
            var name = input.attr("name");
            if (name.isEmpty()
                    || name.equals("_csrf")
                    || name.equals("sessions[0].start")
                    || name.equals("sessions[0].end")
                    || input.attr("type").equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                input.select("option[selected]").forEach(o -> request.param(name, o.attr("value")));
            } else if (input.attr("type").equals("radio")) {
                if (input.hasAttr("checked")) {
                    request.param(name, input.attr("value"));
                }
            } else {
                request.param(name, input.tagName().equals("textarea") ? input.text() : input.attr("value"));
            }
        }
        request.param("sessions[0].start", "10:30").param("sessions[0].end", "18:00");
        var saved = agent.perform(request).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl())
                .as(() -> Jsoup.parse(new String(saved.getContentAsByteArray(), StandardCharsets.UTF_8))
                        .select("[data-testid=error]")
                        .text())
                .isEqualTo("/agence/evenements/" + id);
        var changed = Mails.nth(greenMail, world.member(0), 2);
        assertThat(changed.getSubject()).isEqualTo("Guichet : une session à laquelle vous êtes inscrit change");
        var vevent = Letters.calendar(Letters.attachment(changed, ".ics").content())
                .getComponent(Component.VEVENT)
                .orElseThrow();
        assertThat(vevent.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("1");
        assertThat(vevent.getProperty(Property.DTSTART).orElseThrow().getValue())
                .endsWith("T103000");

        // other tests' sessions share the database: what counts is what this person is sent
        // twenty hours before the moved session, whatever the hour the test runs at (a fixed step
        // left a run after midnight in Paris more than a day before it)
        var starts = events.find(id).orElseThrow().sessions().get(0).start();
        clock.advance(Duration.between(clock.instant(), starts.minus(Duration.ofHours(20))));
        assertThat(reminders.sendDue()).isPositive();
        reminders.sendDue();
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = :to and subject = :s")
                        .param("to", world.member(0))
                        .param("s", "Guichet : rappel, votre session approche")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        var reminder = Mails.nth(greenMail, world.member(0), 3);
        assertThat(reminder.getSubject()).isEqualTo("Guichet : rappel, votre session approche");
        assertThat(Letters.text(reminder)).contains("10 h 30");
    }

    @Test
    void publishingCanAnnounceTheEventToItsAudienceOnly() throws Exception {
        var id = events.publish(
                world.agentId,
                world.draft("Annoncée", world.forE(), false, false, EventsWorld.session(events.now(), 7, 10)),
                true);
        var title = "Annoncée " + world.suffix;
        // the announcement reaches its readers as it is sent, in the background
        var reader = Visitor.signedIn(mvc, world.member(0));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> page(reader.perform(get("/actualites")))
                        .select("[data-testid=news]")
                        .text()
                        .contains(title));
        assertThat(page(Visitor.signedIn(mvc, world.outsider).perform(get("/actualites")))
                        .select("[data-testid=news]")
                        .text())
                .doesNotContain(title);
        assertThat(events.find(id).orElseThrow().announcementId()).isNotNull();
    }

    @Test
    void cancellingAnEventThatTookPlaceKeepsWhatHappened() {
        var id = world.publish("Passée", 5);
        var session = world.firstSession(id);
        var person = world.id(world.member(0));
        registrations.register(person, person, session, null, world.e, false);
        clock.advance(Duration.ofDays(8));
        events.cancel(world.agentId, id);
        assertThat(statuses(session)).containsExactly("CONFIRMED");
        assertThat(events.find(id).orElseThrow().sessions().get(0).cancelled()).isFalse();
    }

    @Test
    void aBadEventFormSaysWhatIsWrongAndSavesNothing() throws Exception {
        var agent = Visitor.signedIn(mvc, world.agent);
        var before = jdbc.sql("select count(*) from agency_event")
                .query(Integer.class)
                .single();
        var refused = page(agent.perform(post("/agence/evenements/nouveau")
                .with(csrf())
                .param("title", "Sans session")
                .param("description", "Texte")
                .param("kind", "TRAINING")
                .param("audience", "everyone")
                .param("opensAt", "2030-01-01T09:00")
                .param("deadline", "2030-01-10T09:00")));
        assertThat(refused.select("[data-testid=error]").text()).isEqualTo("Un événement a au moins une session.");
        assertThat(refused.select("#title").attr("value")).isEqualTo("Sans session");
        var badCapacity = page(agent.perform(post("/agence/evenements/nouveau")
                .with(csrf())
                .param("title", "Mauvaise capacité")
                .param("description", "Texte")
                .param("kind", "TRAINING")
                .param("audience", "everyone")
                .param("opensAt", "2030-01-01T09:00")
                .param("deadline", "2030-01-10T09:00")
                .param("sessions[0].day", "2030-01-20")
                .param("sessions[0].start", "09:00")
                .param("sessions[0].end", "12:00")
                .param("sessions[0].place", "Salle")
                .param("sessions[0].capacity", "beaucoup")));
        assertThat(badCapacity
                        .select("[data-testid=error]")
                        .text()
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' '))
                .isEqualTo("Le nombre de places d’une session est un nombre entier de 1 à 100 000.");
        var late = page(agent.perform(post("/agence/evenements/nouveau")
                .with(csrf())
                .param("title", "Trop tard")
                .param("description", "Texte")
                .param("kind", "TRAINING")
                .param("audience", "everyone")
                .param("opensAt", "2030-01-01T09:00")
                .param("deadline", "2030-01-25T09:00")
                .param("sessions[0].day", "2030-01-20")
                .param("sessions[0].start", "09:00")
                .param("sessions[0].end", "12:00")
                .param("sessions[0].place", "Salle")
                .param("sessions[0].capacity", "10")));
        assertThat(late.select("[data-testid=error]").text())
                .isEqualTo("La date limite des inscriptions doit précéder le début de la première session.");
        assertThat(jdbc.sql("select count(*) from agency_event")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);

        // a member is not an organiser
        assertThat(Visitor.signedIn(mvc, world.member(0))
                        .perform(get("/agence/evenements/nouveau"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    private java.util.List<String> statuses(long session) {
        return jdbc.sql("select status from event_registration where session_id = :s order by id")
                .param("s", session)
                .query(String.class)
                .list();
    }

    static Document page(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
