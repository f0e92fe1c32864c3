package fr.guichet.helpdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.guichet.helpdesk.Action;
import fr.guichet.helpdesk.Actor;
import fr.guichet.helpdesk.SubStatus;
import fr.guichet.helpdesk.TicketState;
import fr.guichet.helpdesk.TicketStatus;
import fr.guichet.helpdesk.TransitionRefused;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated from {@link Lifecycle#TABLE}: every row allowed for its actors and refused for the others, and nothing else allowed. */
class LifecycleTest {

    /** Every state the table knows (a status listed with "any sub-status" is taken with each of its sub-statuses seen). */
    static Set<TicketState> states() {
        var states = new LinkedHashSet<TicketState>();
        for (var t : Lifecycle.TABLE) {
            states.addAll(t.from());
            if (!t.to().resumes()) {
                states.add(t.to().state());
            }
        }
        for (var status : TicketStatus.values()) {
            states.add(TicketState.of(status));
        }
        return states;
    }

    static Stream<Arguments> rowStartsAndActors() {
        var cells = new ArrayList<Arguments>();
        for (var t : Lifecycle.TABLE) {
            var starts = new LinkedHashSet<>(t.from());
            states().stream().filter(s -> t.anySub().contains(s.status())).forEach(starts::add);
            for (var from : starts) {
                for (var actor : Actor.values()) {
                    cells.add(Arguments.of(t, from, actor));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}: from {1} by {2}")
    @MethodSource("rowStartsAndActors")
    void eachRowIsAllowedForItsActorsOnlyAndLeadsWhereItSays(Lifecycle.Transition row, TicketState from, Actor actor) {
        if (row.from().isEmpty() && row.anySub().isEmpty()) {
            return; // filings create a ticket: no state to start from
        }
        var wanted = row.to().resumes() ? null : row.to().state();
        if (row.who().contains(actor)) {
            var next = Lifecycle.next(from, SubStatus.EXT, row.action(), actor, wanted, "un texte", false);
            assertThat(next).isEqualTo(row.to().resumes() ? TicketState.of(TicketStatus.ECT, SubStatus.EXT) : wanted);
        } else {
            assertThatThrownBy(
                            () -> Lifecycle.next(from, SubStatus.INT, row.action(), actor, wanted, "un texte", false))
                    .isInstanceOf(TransitionRefused.class);
        }
    }

    static Stream<Arguments> everyStateActionAndActor() {
        var cells = new ArrayList<Arguments>();
        for (var state : states()) {
            for (var action : Action.values()) {
                for (var actor : Actor.values()) {
                    cells.add(Arguments.of(state, action, actor));
                }
            }
        }
        return cells.stream();
    }

    /** What the table does not list is refused: no act, in any state, by anybody, beyond its rows. */
    @ParameterizedTest(name = "{1} from {0} by {2}")
    @MethodSource("everyStateActionAndActor")
    void whatTheTableDoesNotListIsRefused(TicketState state, Action action, Actor actor) {
        var listed = Lifecycle.TABLE.stream()
                .anyMatch(t ->
                        t.action() == action && t.startsFrom(state) && t.who().contains(actor));
        if (listed && state.status().open()) {
            var row = Lifecycle.TABLE.stream()
                    .filter(t -> t.action() == action
                            && t.startsFrom(state)
                            && t.who().contains(actor))
                    .findFirst()
                    .orElseThrow();
            var wanted = row.to().resumes() ? null : row.to().state();
            assertThat(Lifecycle.next(state, SubStatus.INT, action, actor, wanted, "texte", false))
                    .isNotNull();
        } else {
            assertThatThrownBy(() -> Lifecycle.next(state, SubStatus.INT, action, actor, null, "texte", false))
                    .isInstanceOf(TransitionRefused.class);
        }
    }

    @Test
    void closedTicketsNeverReopen() {
        for (var status : EnumSet.of(TicketStatus.TER, TicketStatus.EXC, TicketStatus.REJ, TicketStatus.ABN)) {
            for (var action : Action.values()) {
                for (var actor : Actor.values()) {
                    assertThatThrownBy(() ->
                                    Lifecycle.next(TicketState.of(status), null, action, actor, null, "texte", false))
                            .isInstanceOf(TransitionRefused.class)
                            .hasMessage("helpdesk.transition.closed");
                }
            }
        }
    }

    @Test
    void anActThatMustCarryATextReasonOrVersionIsRefusedWithout() {
        var refusal = TicketState.of(TicketStatus.AVS);
        assertThatThrownBy(
                        () -> Lifecycle.next(refusal, null, Action.REFUSE_SOLUTION, Actor.REQUESTER, null, "  ", false))
                .hasMessage("helpdesk.transition.required.reason");
        assertThatThrownBy(() -> Lifecycle.next(
                        TicketState.of(TicketStatus.ECT, SubStatus.INT),
                        null,
                        Action.ASK_SITE,
                        Actor.AGENT,
                        null,
                        null,
                        false))
                .hasMessage("helpdesk.transition.required.text");
        assertThatThrownBy(() -> Lifecycle.next(
                        TicketState.of(TicketStatus.ADV), null, Action.PLAN, Actor.AGENT, null, "", false))
                .hasMessage("helpdesk.transition.required.version");
    }

    @Test
    void theAnswerToAQuestionResumesWhereTheTicketWasAndAPutToDecisionChoosesItsSubStatus() {
        var ars = TicketState.of(TicketStatus.ARS);
        assertThat(Lifecycle.next(ars, SubStatus.EXT, Action.SITE_ANSWERS, Actor.REQUESTER, null, "réponse", false))
                .isEqualTo(TicketState.of(TicketStatus.ECT, SubStatus.EXT));
        var ect = TicketState.of(TicketStatus.ECT, SubStatus.INT);
        assertThat(Lifecycle.next(
                        ect,
                        null,
                        Action.PUT_TO_DECISION,
                        Actor.AGENT,
                        TicketState.of(TicketStatus.ATD, SubStatus.DMF),
                        null,
                        false))
                .isEqualTo(TicketState.of(TicketStatus.ATD, SubStatus.DMF));
        assertThat(Lifecycle.next(ect, null, Action.PUT_TO_DECISION, Actor.AGENT, null, null, false))
                .as("without a choice, the first row's target")
                .isEqualTo(TicketState.of(TicketStatus.ATD, SubStatus.INF));
    }

    @Test
    void aSimpleRequestHasOnlyTheShortLifecycleAndItsRequesterApprovesOrContestsTheClosure() {
        var simpleActs = new ArrayList<Action>();
        Lifecycle.TABLE.stream().filter(Lifecycle.Transition::simple).forEach(t -> simpleActs.add(t.action()));
        assertThat(simpleActs)
                .contains(
                        Action.ASK_SITE,
                        Action.SITE_ANSWERS,
                        Action.SEND_SOLUTION,
                        Action.VALIDATE_SOLUTION,
                        Action.REFUSE_SOLUTION,
                        Action.CLOSE_WITHOUT_VALIDATION)
                .doesNotContain(Action.HAND_TO_CONTRACTOR, Action.PUT_TO_DECISION, Action.PLAN);

        var handling = TicketState.of(TicketStatus.ECT, SubStatus.INT);
        assertThatThrownBy(
                        () -> Lifecycle.next(handling, null, Action.HAND_TO_CONTRACTOR, Actor.AGENT, null, null, true))
                .hasMessage("helpdesk.transition.not-allowed");
        var closing = Lifecycle.next(handling, null, Action.SEND_SOLUTION, Actor.AGENT, null, "Clôture proposée", true);
        assertThat(Lifecycle.next(closing, null, Action.VALIDATE_SOLUTION, Actor.REQUESTER, null, null, true))
                .isEqualTo(TicketState.of(TicketStatus.TER, SubStatus.V));
        assertThat(Lifecycle.next(
                        closing, null, Action.REFUSE_SOLUTION, Actor.REQUESTER, null, "Toujours en panne", true))
                .isEqualTo(TicketState.of(TicketStatus.ECT, SubStatus.INT));
    }

    @Test
    void aContractorActsOnlyOnTicketsHandedToHisCompany() {
        List<Action> contractorActs =
                Lifecycle.available(TicketState.of(TicketStatus.ECT, SubStatus.EXT), Actor.CONTRACTOR, false).stream()
                        .map(Lifecycle.Transition::action)
                        .toList();
        assertThat(contractorActs).containsExactlyInAnyOrder(Action.CONTRACTOR_ANSWER, Action.ASK_SITE);
        assertThat(Lifecycle.available(TicketState.of(TicketStatus.ECT, SubStatus.INT), Actor.CONTRACTOR, false))
                .isEmpty();
    }
}
