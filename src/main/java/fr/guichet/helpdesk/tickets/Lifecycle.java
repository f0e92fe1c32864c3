package fr.guichet.helpdesk.tickets;

import static fr.guichet.helpdesk.Actor.AGENT;
import static fr.guichet.helpdesk.Actor.CONTRACTOR;
import static fr.guichet.helpdesk.Actor.REQUESTER;
import static fr.guichet.helpdesk.Actor.SYSTEM;
import static fr.guichet.helpdesk.SubStatus.AVA;
import static fr.guichet.helpdesk.SubStatus.CLO;
import static fr.guichet.helpdesk.SubStatus.DMF;
import static fr.guichet.helpdesk.SubStatus.EC;
import static fr.guichet.helpdesk.SubStatus.EXP;
import static fr.guichet.helpdesk.SubStatus.EXT;
import static fr.guichet.helpdesk.SubStatus.FA;
import static fr.guichet.helpdesk.SubStatus.INF;
import static fr.guichet.helpdesk.SubStatus.INI;
import static fr.guichet.helpdesk.SubStatus.INT;
import static fr.guichet.helpdesk.SubStatus.N;
import static fr.guichet.helpdesk.SubStatus.SUS;
import static fr.guichet.helpdesk.SubStatus.TND;
import static fr.guichet.helpdesk.SubStatus.V;
import static fr.guichet.helpdesk.SubStatus.VA;
import static fr.guichet.helpdesk.SubStatus.VSR;
import static fr.guichet.helpdesk.TicketStatus.ABN;
import static fr.guichet.helpdesk.TicketStatus.ADV;
import static fr.guichet.helpdesk.TicketStatus.ARS;
import static fr.guichet.helpdesk.TicketStatus.ATD;
import static fr.guichet.helpdesk.TicketStatus.AVS;
import static fr.guichet.helpdesk.TicketStatus.CTR;
import static fr.guichet.helpdesk.TicketStatus.DEV;
import static fr.guichet.helpdesk.TicketStatus.ECT;
import static fr.guichet.helpdesk.TicketStatus.EXC;
import static fr.guichet.helpdesk.TicketStatus.NEW;
import static fr.guichet.helpdesk.TicketStatus.PEC;
import static fr.guichet.helpdesk.TicketStatus.REJ;
import static fr.guichet.helpdesk.TicketStatus.REM;
import static fr.guichet.helpdesk.TicketStatus.TER;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TransitionRefused;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ticket lifecycle as one table: each row an act, the states it starts from,
 * who may do it, and the state it leads to. Rows marked {@code simple} also make up the shorter
 * lifecycle of a simple request, whose requester approves the agency's closure.
 * The tests are generated from this table.
 */
final class Lifecycle {

    /** Where a row leads: a fixed state, or back to ECT with the sub-status the ticket had before ARS. */
    record Target(TicketState state) {
        static final Target RESUME = new Target(null);

        boolean resumes() {
            return state == null;
        }
    }

    /**
     * One row. {@code from} holds states; a state whose sub-status is null and is listed in
     * {@code anySub} matches every sub-status of its status. An empty {@code from} is a filing.
     */
    record Transition(
            Action action, Set<TicketState> from, Set<TicketStatus> anySub, Target to, Set<Actor> who, boolean simple) {

        boolean startsFrom(TicketState state) {
            return from.contains(state) || anySub.contains(state.status());
        }
    }

    /** The helpdesk's acts the site sees as an answer: the service commitment's "first reply". */
    static final Set<Action> FIRST_REPLIES = EnumSet.of(
            Action.ASK_SITE,
            Action.SEND_SOLUTION,
            Action.VALIDATE_CONTRACTOR_ANSWER,
            Action.PUT_TO_DECISION,
            Action.DECIDE_ANSWER,
            Action.DECIDE_REJECTION,
            Action.EXCLUDE);

    private static final Set<TicketStatus> NONE = Set.of();

    // spotless:off
    static final List<Transition> TABLE = List.of(
            filing(Action.FILE, TicketState.of(ECT), REQUESTER),
            filing(Action.FILE, TicketState.of(NEW, FA), REQUESTER),
            filing(Action.FILE_ON_BEHALF, TicketState.of(NEW, VSR), AGENT),
            filing(Action.FILE_ON_BEHALF, TicketState.of(NEW, VA), AGENT),
            row(Action.DISPATCH, Set.of(TicketState.of(NEW, FA), TicketState.of(NEW, VSR), TicketState.of(NEW, VA)), NONE,
                    TicketState.of(ECT), Set.of(AGENT), true),
            row(Action.TAKE, Set.of(TicketState.of(ECT), TicketState.of(ECT, INT)), NONE, TicketState.of(ECT, INT), Set.of(AGENT), true),
            row(Action.HAND_TO_CONTRACTOR, Set.of(TicketState.of(ECT, INT)), NONE, TicketState.of(ECT, EXT), Set.of(AGENT), false),
            row(Action.TAKE_BACK, Set.of(TicketState.of(ECT, EXT)), NONE, TicketState.of(ECT, INT), Set.of(AGENT), false),
            row(Action.CONTRACTOR_ANSWER, Set.of(TicketState.of(ECT, EXT)), NONE, TicketState.of(ECT, AVA), Set.of(CONTRACTOR), false),
            row(Action.VALIDATE_CONTRACTOR_ANSWER, Set.of(TicketState.of(ECT, AVA)), NONE, TicketState.of(AVS), Set.of(AGENT), false),
            row(Action.RETURN_TO_CONTRACTOR, Set.of(TicketState.of(ECT, AVA)), NONE, TicketState.of(ECT, EXT), Set.of(AGENT), false),
            row(Action.ASK_EXPERT, Set.of(TicketState.of(ECT, INT)), NONE, TicketState.of(ECT, EXP), Set.of(AGENT), false),
            row(Action.EXPERT_ANSWERED, Set.of(TicketState.of(ECT, EXP)), NONE, TicketState.of(ECT, INT), Set.of(AGENT), false),
            row(Action.ASK_SITE, Set.of(TicketState.of(ECT, INT)), NONE, TicketState.of(ARS), Set.of(AGENT), true),
            row(Action.ASK_SITE, Set.of(TicketState.of(ECT, EXT)), NONE, TicketState.of(ARS), Set.of(AGENT, CONTRACTOR), false),
            new Transition(Action.SITE_ANSWERS, Set.of(TicketState.of(ARS)), NONE, Target.RESUME, Set.of(REQUESTER), true),
            row(Action.ABANDON, Set.of(TicketState.of(ARS)), NONE, TicketState.of(ABN), Set.of(SYSTEM), true),
            row(Action.SEND_SOLUTION, Set.of(TicketState.of(ECT, INT)), NONE, TicketState.of(AVS), Set.of(AGENT), true),
            row(Action.VALIDATE_SOLUTION, Set.of(TicketState.of(AVS)), NONE, TicketState.of(TER, V), Set.of(REQUESTER), true),
            row(Action.REFUSE_SOLUTION, Set.of(TicketState.of(AVS)), NONE, TicketState.of(ECT, INT), Set.of(REQUESTER), true),
            row(Action.CLOSE_WITHOUT_VALIDATION, Set.of(TicketState.of(AVS)), NONE, TicketState.of(TER, N), Set.of(SYSTEM), true),
            row(Action.PUT_TO_DECISION, Set.of(), Set.of(ECT), TicketState.of(ATD, INF), Set.of(AGENT), false),
            row(Action.PUT_TO_DECISION, Set.of(), Set.of(ECT), TicketState.of(ATD, DMF), Set.of(AGENT), false),
            row(Action.DECIDE_DEVELOPMENT, Set.of(), Set.of(ATD), TicketState.of(ADV), Set.of(AGENT), false),
            row(Action.DECIDE_ANSWER, Set.of(), Set.of(ATD), TicketState.of(AVS), Set.of(AGENT), false),
            row(Action.DECIDE_REJECTION, Set.of(), Set.of(ATD), TicketState.of(REJ), Set.of(AGENT), false),
            row(Action.PLAN, Set.of(TicketState.of(ADV)), NONE, TicketState.of(DEV, INI), Set.of(AGENT), false),
            row(Action.START_DEVELOPMENT, Set.of(TicketState.of(DEV, INI)), NONE, TicketState.of(DEV, EC), Set.of(AGENT), false),
            row(Action.SUSPEND_DEVELOPMENT, Set.of(TicketState.of(DEV, EC)), NONE, TicketState.of(DEV, SUS), Set.of(AGENT), false),
            row(Action.RESUME_DEVELOPMENT, Set.of(TicketState.of(DEV, SUS)), NONE, TicketState.of(DEV, EC), Set.of(AGENT), false),
            row(Action.FINISH_DEVELOPMENT, Set.of(TicketState.of(DEV, EC)), NONE, TicketState.of(DEV, CLO), Set.of(AGENT), false),
            row(Action.DELIVER_TO_QUALIFICATION, Set.of(TicketState.of(DEV, CLO)), NONE, TicketState.of(PEC), Set.of(AGENT), false),
            row(Action.START_QUALIFICATION, Set.of(TicketState.of(PEC)), NONE, TicketState.of(PEC, INI), Set.of(AGENT), false),
            row(Action.DOCUMENTATION_TO_UPDATE, Set.of(TicketState.of(PEC), TicketState.of(PEC, INI)), NONE, TicketState.of(PEC, TND),
                    Set.of(AGENT), false),
            row(Action.QUALIFIED, Set.of(TicketState.of(PEC, INI), TicketState.of(PEC, TND)), NONE, TicketState.of(PEC, CLO),
                    Set.of(AGENT), false),
            row(Action.START_ACCEPTANCE, Set.of(TicketState.of(PEC, CLO)), NONE, TicketState.of(CTR), Set.of(AGENT), false),
            row(Action.TEST_ACCEPTANCE, Set.of(TicketState.of(CTR)), NONE, TicketState.of(CTR, EC), Set.of(AGENT), false),
            row(Action.ACCEPTED, Set.of(TicketState.of(CTR, EC)), NONE, TicketState.of(CTR, CLO), Set.of(AGENT), false),
            row(Action.SOLUTION_FIXED_IN_VERSION, Set.of(TicketState.of(CTR, CLO)), NONE, TicketState.of(AVS), Set.of(AGENT), false),
            row(Action.EXCLUDE, Set.of(), Set.of(NEW, ECT), TicketState.of(EXC), Set.of(AGENT), true),
            row(Action.PARK, Set.of(), Set.of(ECT, ATD, ADV, DEV), TicketState.of(REM), Set.of(AGENT), false),
            row(Action.RESUME_WORK, Set.of(TicketState.of(REM)), NONE, TicketState.of(ECT, INT), Set.of(AGENT), false));
    // spotless:on

    private Lifecycle() {}

    private static Transition filing(Action action, TicketState to, Actor who) {
        return new Transition(action, Set.of(), NONE, new Target(to), Set.of(who), action == Action.FILE);
    }

    private static Transition row(
            Action action,
            Set<TicketState> from,
            Set<TicketStatus> anySub,
            TicketState to,
            Set<Actor> who,
            boolean simple) {
        return new Transition(action, from, anySub, new Target(to), who, simple);
    }

    /**
     * The row that lets this actor do this act from this state and lead to the wanted state (some
     * acts have several targets: ATD/INF or ATD/DMF); empty when the table does not allow it.
     */
    static Optional<Transition> find(
            TicketState from, Action action, Actor actor, TicketState wanted, boolean simpleRequest) {
        return TABLE.stream()
                .filter(t -> t.action() == action
                        && (!t.from().isEmpty() || !t.anySub().isEmpty()))
                .filter(t -> t.startsFrom(from))
                .filter(t -> t.who().contains(actor))
                .filter(t -> !simpleRequest || t.simple())
                .filter(t ->
                        wanted == null || t.to().resumes() || t.to().state().equals(wanted))
                .findFirst();
    }

    /**
     * The state an act leads to, or the reason it is refused: not in the table for this actor and
     * state (or not in a simple request's shorter table), or missing what it must carry.
     *
     * @param beforeQuestion the sub-status the ticket had when it went to ARS (its answer resumes there)
     * @param wanted for acts with several targets (ATD/INF or ATD/DMF), the one chosen; else null
     */
    static TicketState next(
            TicketState current,
            SubStatus beforeQuestion,
            Action action,
            Actor actor,
            TicketState wanted,
            String text,
            boolean simpleRequest) {
        if (!current.status().open()) {
            throw new TransitionRefused("helpdesk.transition.closed");
        }
        var row = find(current, action, actor, wanted, simpleRequest)
                .orElseThrow(() -> new TransitionRefused("helpdesk.transition.not-allowed"));
        if (action.requirement() != Action.Requirement.NONE && (text == null || text.isBlank())) {
            throw new TransitionRefused("helpdesk.transition.required."
                    + action.requirement().name().toLowerCase(Locale.ROOT));
        }
        return row.to().resumes()
                ? TicketState.of(TicketStatus.ECT, beforeQuestion)
                : row.to().state();
    }

    /** The acts this actor may do from this state (what a page offers him). */
    static List<Transition> available(TicketState from, Actor actor, boolean simpleRequest) {
        return TABLE.stream()
                .filter(t -> !t.from().isEmpty() || !t.anySub().isEmpty())
                .filter(t -> t.startsFrom(from) && t.who().contains(actor) && (!simpleRequest || t.simple()))
                .toList();
    }
}
