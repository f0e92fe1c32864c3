package fr.guichet.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import fr.guichet.certificates.RequestLifecycle.Actor;
import fr.guichet.certificates.RequestLifecycle.Step;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status × every step × every actor against the lifecycle as the agency runs it, written out
 * here as a reader would check it: where each step leads, or "-" when it is refused.
 */
class RequestLifecycleTest {

    /** Rows: status; columns: TAKE INSTALL SHIP CANCEL, for an agent then for an administrator. */
    static final String EXPECTED = """
            status        | agent: TAKE        INSTALL    SHIP     CANCEL    | administrator: TAKE INSTALL SHIP CANCEL
            REQUESTED     |        IN_PROGRESS -          -        CANCELLED |                -    -       -    CANCELLED
            IN_PROGRESS   |        -           INSTALLED  -        CANCELLED |                -    -       -    -
            INSTALLED     |        -           -          SHIPPED  -         |                -    -       -    -
            SHIPPED       |        -           -          -        -         |                -    -       -    -
            CANCELLED     |        -           -          -        -         |                -    -       -    -
            """;

    static Stream<Arguments> cells() {
        var cells = new ArrayList<Arguments>();
        for (var status : RequestStatus.values()) {
            for (var actor : Actor.values()) {
                for (var step : Step.values()) {
                    cells.add(Arguments.of(status, actor, step));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} --{2}--> as {1}")
    @MethodSource("cells")
    void eachStepLeadsWhereTheTableSays(RequestStatus status, Actor actor, Step step) {
        var expected = expected(status, actor, step);
        var actual = RequestLifecycle.after(status, step, actor);
        if (expected.equals("-")) {
            assertThat(actual).as("%s --%s--> as %s", status, step, actor).isEmpty();
        } else {
            assertThat(actual).as("%s --%s--> as %s", status, step, actor).contains(RequestStatus.valueOf(expected));
            assertThat(RequestLifecycle.steps(status, actor)).contains(step);
        }
    }

    @Test
    void finishedRequestsMoveNoMoreAndOnlyLiveOnesOpenTheTreesRules() {
        for (var actor : Actor.values()) {
            assertThat(RequestLifecycle.steps(RequestStatus.SHIPPED, actor)).isEmpty();
            assertThat(RequestLifecycle.steps(RequestStatus.CANCELLED, actor)).isEmpty();
        }
        assertThat(Stream.of(RequestStatus.values()).filter(RequestStatus::live))
                .containsExactly(
                        RequestStatus.REQUESTED,
                        RequestStatus.IN_PROGRESS,
                        RequestStatus.INSTALLED,
                        RequestStatus.SHIPPED);
        assertThat(Stream.of(RequestStatus.values()).filter(RequestStatus::open))
                .containsExactly(RequestStatus.REQUESTED, RequestStatus.IN_PROGRESS);
    }

    private static String expected(RequestStatus status, Actor actor, Step step) {
        var row = EXPECTED.lines()
                .filter(l -> l.startsWith(status.name() + " "))
                .findFirst()
                .orElseThrow();
        var halves = row.split("\\|");
        var half = halves[actor == Actor.AGENT ? 1 : 2].strip().split("\\s+");
        return half[step.ordinal()];
    }
}
