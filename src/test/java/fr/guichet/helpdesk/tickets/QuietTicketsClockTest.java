package fr.guichet.helpdesk.tickets;

import static fr.guichet.support.People.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.account.Civility;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.CategoryId;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.DueDates;
import fr.guichet.helpdesk.calendar.QuietDeadlines;
import fr.guichet.helpdesk.reference.ReferenceForms;
import fr.guichet.helpdesk.reference.ReferenceSetup;
import fr.guichet.support.IntegrationTest;
import fr.guichet.support.Mails;
import fr.guichet.support.People;
import fr.guichet.support.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily job: a reminder after 5 business days without answer, the closure 5 later, each once. */
@IntegrationTest
class QuietTicketsClockTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestSmtp.server();

    @Autowired
    QuietTicketsClock job;

    @Autowired
    Tickets tickets;

    @Autowired
    TicketFiling filing;

    @Autowired
    TicketActs acts;

    @Autowired
    TicketSideActs sideActs;

    @Autowired
    ReferenceSetup reference;

    @Autowired
    AgencyCalendar agencyCalendar;

    @Autowired
    Accounts accounts;

    @Autowired
    Clock clock;

    AccountId requester;
    AccountId agent;
    long category;

    @BeforeEach
    void aSimpleRequestCategoryWithItsTeam() {
        agent = accounts.createVerified(
                People.uniqueEmail("agence.test"), Civility.MADAME, "Agent", "Ana", null, false, GOOD_PASSWORD);
        accounts.makeAgent(agent);
        var team = reference.defineTeam("Accès " + UUID.randomUUID(), List.of(agent));
        category = reference.defineCategory(
                null, "Accès " + UUID.randomUUID(), null, false, true, true, false, false, team);
        requester = accounts.createVerified(
                People.uniqueEmail(), Civility.MONSIEUR, "Silence", "Sam", null, false, GOOD_PASSWORD);
    }

    @Test
    void aQuestionLeftUnansweredIsRemindedOnceThenTheTicketIsAbandoned() throws Exception {
        var id = waitingTicket(Action.ASK_SITE);
        var deadlines = QuietDeadlines.from(LocalDate.now(clock), agencyCalendar.today());

        job.runFor(deadlines.reminder().minusDays(1));
        assertThat(tickets.find(requester, id).state().status()).isEqualTo(TicketStatus.ARS);

        job.runFor(deadlines.reminder());
        job.runFor(deadlines.reminder());
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !reminders().isEmpty());
        Awaitility.await()
                .during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> reminders().size() == 1);
        assertThat(Mails.body(reminders().get(0)))
                .contains(
                        "attend votre réponse à la question",
                        deadlines.closure().toString());

        job.runFor(deadlines.closure());
        var abandoned = tickets.find(requester, id);
        assertThat(abandoned.state()).isEqualTo(TicketState.of(TicketStatus.ABN));
        assertThat(tickets.exchanges(requester, id)
                        .get(tickets.exchanges(requester, id).size() - 1)
                        .actor())
                .isEqualTo(Actor.SYSTEM);
        job.runFor(deadlines.closure().plusDays(1));
        assertThat(tickets.find(requester, id).state()).isEqualTo(TicketState.of(TicketStatus.ABN));
    }

    @Test
    void aLateReminderStillLeavesTheSiteFiveBusinessDaysAndARerunChangesNothing() {
        var id = waitingTicket(Action.ASK_SITE);
        var calendar = agencyCalendar.today();
        var deadlines = QuietDeadlines.from(LocalDate.now(clock), calendar);
        // the job did not run for weeks: first run after the planned closure day
        var late = calendar.plusBusinessDays(deadlines.closure(), 3);

        assertThat(job.runFor(late).reminded()).isGreaterThanOrEqualTo(1);
        job.runFor(late);
        assertThat(tickets.find(requester, id).state())
                .as("reminded, not closed the same day, even on a rerun")
                .isEqualTo(TicketState.of(TicketStatus.ARS));
        var announced = calendar.plusBusinessDays(late, QuietDeadlines.DAYS_TO_CLOSURE);
        assertThat(dueDates.of(tickets.find(requester, id)).closure()).isEqualTo(announced);

        job.runFor(calendar.plusBusinessDays(late, QuietDeadlines.DAYS_TO_CLOSURE - 1));
        assertThat(tickets.find(requester, id).state().status()).isEqualTo(TicketStatus.ARS);
        job.runFor(announced);
        assertThat(tickets.find(requester, id).state()).isEqualTo(TicketState.of(TicketStatus.ABN));
    }

    @Autowired
    DueDates dueDates;

    @Test
    void anUnvalidatedSolutionIsClosedWithoutValidationButNeverDuringAClosurePeriod() {
        var id = waitingTicket(Action.SEND_SOLUTION);
        var deadlines = QuietDeadlines.from(LocalDate.now(clock), agencyCalendar.today());
        job.runFor(deadlines.reminder());

        // a closure period declared afterwards over the closure day: nothing closes during it
        agencyCalendar.close(
                null,
                new ReferenceForms.ClosureForm(
                        deadlines.closure().toString(),
                        deadlines.closure().plusDays(2).toString(),
                        "Fermeture " + UUID.randomUUID()));
        job.runFor(deadlines.closure());
        assertThat(tickets.find(requester, id).state()).isEqualTo(TicketState.of(TicketStatus.AVS));

        var after = agencyCalendar.today().plusBusinessDays(deadlines.closure(), 1);
        job.runFor(after);
        assertThat(tickets.find(requester, id).state()).isEqualTo(TicketState.of(TicketStatus.TER, SubStatus.N));
    }

    private TicketId waitingTicket(Action waitingAct) {
        var id = filing.fileSimple(requester, new CategoryId(category), "Accès", "Je n’ai pas accès.", null);
        acts.act(agent, id, Action.TAKE, null, null, null);
        acts.act(agent, id, waitingAct, null, "Pouvez-vous préciser ?", null);
        return id;
    }

    private List<MimeMessage> reminders() {
        return Mails.distinctTo(greenMail, email(requester)).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Relance");
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private String email(AccountId person) {
        return accounts.find(person).orElseThrow().email();
    }
}
