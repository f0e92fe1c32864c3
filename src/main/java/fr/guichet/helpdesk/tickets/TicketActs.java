package fr.guichet.helpdesk.tickets;

import fr.guichet.account.AccountId;
import fr.guichet.account.Accounts;
import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.TicketId;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TransitionRefused;
import fr.guichet.helpdesk.reference.HelpdeskReference;
import fr.guichet.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle's acts on a ticket: what a person may do is the table's ({@link Lifecycle}), the
 * rules of the act the ticket's own ({@link Ticket#act}); here, who he is to the ticket, whether the
 * team, company or agent he names exists, and what is kept and told of it.
 */
@Component
public class TicketActs {

    private final VisibleTickets visible;
    private final HelpdeskReference reference;
    private final Accounts accounts;
    private final TicketJournal journal;
    private final TicketMails mails;
    private final Clock clock;

    TicketActs(
            VisibleTickets visible,
            HelpdeskReference reference,
            Accounts accounts,
            TicketJournal journal,
            TicketMails mails,
            Clock clock) {
        this.visible = visible;
        this.reference = reference;
        this.accounts = accounts;
        this.journal = journal;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * An act of a person on a ticket, as whichever of his roles the table allows it to.
     *
     * @param wanted for acts with several targets (ATD/INF or ATD/DMF), the one chosen
     * @param whom whom a hand-over, a dispatch or a take gives the ticket to
     */
    @Transactional
    public TicketState act(
            AccountId person,
            TicketId id,
            Action action,
            @Nullable TicketState wanted,
            @Nullable String text,
            @Nullable Assignment whom) {
        var ticket = visible.load(id);
        var roles = visible.rolesOf(person, ticket);
        if (roles.isEmpty()) {
            throw new NotFoundException();
        }
        var allowed = roles.stream()
                .filter(r -> Lifecycle.find(ticket.state(), action, r, wanted, ticket.simpleRequest())
                        .isPresent())
                .findFirst();
        var actor = allowed.orElse(roles.iterator().next());
        // whom it names is checked only for an agent allowed the act: nobody else learns who is in which team
        if (whom != null && actor == Actor.AGENT && allowed.isPresent()) {
            checkKnown(whom, ticket);
        }
        return apply(ticket, action, actor, person, wanted, text, whom);
    }

    /** The business-day clock's acts (abandon, close without validation), by nobody. */
    @Transactional
    public void actAsSystem(TicketId id, Action action) {
        apply(visible.load(id), action, Actor.SYSTEM, null, null, null, null);
    }

    private void checkKnown(Assignment whom, Ticket ticket) {
        if (whom instanceof Assignment.ToContractor to
                && reference.contractors().stream().noneMatch(c -> c.id().equals(to.contractor()))) {
            throw new TransitionRefused("helpdesk.transition.unknown-contractor");
        }
        if (whom instanceof Assignment.ToTeam to
                && reference.teams().stream().noneMatch(t -> t.id().equals(to.team()))) {
            throw new TransitionRefused("helpdesk.transition.unknown-team");
        }
        // an agent of the ticket's team: he is the one who will see it
        var team = ticket.handling().team();
        if (whom instanceof Assignment.ToAgent to
                && !(team == null
                        ? accounts.isStaff(to.agent())
                        : reference.teamMembers(team).contains(to.agent().value()))) {
            throw new TransitionRefused("helpdesk.transition.unknown-agent");
        }
    }

    private TicketState apply(
            Ticket ticket,
            Action action,
            Actor actor,
            @Nullable AccountId by,
            @Nullable TicketState wanted,
            @Nullable String text,
            @Nullable Assignment whom) {
        if (action == Action.VALIDATE_CONTRACTOR_ANSWER && (text == null || text.isBlank())) {
            // the contractor's answer, validated, is the solution the site receives: as it was written
            text = journal.lastText(ticket.id(), Action.CONTRACTOR_ANSWER);
        }
        var now = clock.instant();
        var from = ticket.act(action, actor, by, wanted, text, whom, LocalDate.now(clock), now);
        journal.acted(ticket, action, actor, by, from, text, now);
        mails.acted(ticket, action, actor, by, text);
        return ticket.state();
    }
}
