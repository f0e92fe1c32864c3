package fr.guichet.helpdesk.tickets;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.calendar.AgencyCalendar;
import fr.guichet.helpdesk.calendar.BusinessCalendar;
import fr.guichet.helpdesk.calendar.QuietDeadlines;
import fr.guichet.notification.Outbox;
import fr.guichet.notification.OutgoingMail;
import fr.guichet.shared.PublicAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily job of the business-day clock: tickets waiting for the site (ARS, AVS)
 * are reminded after 5 business days and closed 5 later (ARS → ABN, AVS → TER/N). Once across
 * nodes (ShedLock); idempotent (a ticket reminded is marked, a closed one no longer waits), so a
 * rerun the same day does nothing more. Each ticket in its own transaction: one failure stops
 * nothing else.
 */
@Component
class QuietTicketsClock {

    private static final Logger log = LoggerFactory.getLogger(QuietTicketsClock.class);

    /** What one run did, for the log and the tests. */
    record Run(int reminded, int closed, int failed) {}

    private final TicketRepository tickets;
    private final TicketActs acts;
    private final AgencyCalendar calendar;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PublicAddress address;

    QuietTicketsClock(
            TicketRepository tickets,
            TicketActs acts,
            AgencyCalendar calendar,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            PublicAddress address) {
        this.tickets = tickets;
        this.acts = acts;
        this.calendar = calendar;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.address = address;
    }

    @Scheduled(cron = "${guichet.helpdesk.clock-cron:0 30 6 * * *}", zone = "${guichet.time-zone:Europe/Paris}")
    @SchedulerLock(name = "helpdesk-clock", lockAtMostFor = "PT30M")
    void daily() {
        var run = runFor(LocalDate.now(clock));
        log.info("Helpdesk clock: {} reminded, {} closed, {} failed", run.reminded(), run.closed(), run.failed());
    }

    Run runFor(LocalDate today) {
        var calendar = this.calendar.today();
        int reminded = 0;
        int closed = 0;
        int failed = 0;
        for (var waiting : tickets.findWaitingForTheSite()) {
            try {
                var outcome = transactions.execute(tx -> handle(waiting.id(), today, calendar));
                if (outcome == QuietDeadlines.Due.REMIND) {
                    reminded++;
                } else if (outcome == QuietDeadlines.Due.CLOSE) {
                    closed++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.error("Helpdesk clock: ticket {} not handled", waiting.id().value(), e);
            }
        }
        return new Run(reminded, closed, failed);
    }

    private QuietDeadlines.Due handle(TicketId id, LocalDate today, BusinessCalendar calendar) {
        var ticket = tickets.findById(id.value()).orElseThrow();
        var wait = ticket.siteWait();
        var since = wait.since();
        if (since == null) {
            return QuietDeadlines.Due.NOTHING;
        }
        var deadlines = QuietDeadlines.from(since, calendar)
                .pushedBy(wait.pushedDays(), calendar)
                .remindedOn(wait.remindedOn(), calendar);
        var due = deadlines.dueOn(today, wait.wasReminded(), calendar);
        switch (due) {
            case REMIND -> {
                ticket.reminded(today, clock.instant());
                // the closure the mail announces: 5 business days after this reminder at the earliest
                var closure = deadlines.remindedOn(today, calendar).closure();
                var link = address.link("/demandes/{id}", id.value());
                outbox.enqueue(new OutgoingMail(
                        ticket.followUpEmail(),
                        Locale.FRENCH,
                        "ticket-reminder",
                        Map.of(
                                "number",
                                id.value(),
                                "title",
                                ticket.statement().title(),
                                "closure",
                                closure.toString(),
                                "question",
                                ticket.state().status() == TicketStatus.ARS,
                                "link",
                                link)));
            }
            case CLOSE ->
                acts.actAsSystem(
                        id,
                        ticket.state().status() == TicketStatus.ARS ? Action.ABANDON : Action.CLOSE_WITHOUT_VALIDATION);
            case NOTHING -> {}
        }
        return due;
    }
}
