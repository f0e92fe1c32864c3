package fr.guichet.certificates;

import static fr.guichet.certificates.RequestStatus.CANCELLED;
import static fr.guichet.certificates.RequestStatus.INSTALLED;
import static fr.guichet.certificates.RequestStatus.IN_PROGRESS;
import static fr.guichet.certificates.RequestStatus.REQUESTED;
import static fr.guichet.certificates.RequestStatus.SHIPPED;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The moves of a certificate request, as a table: the agency takes a request, installs its
 * certificate (uploading the public certificate), ships the supports; a request is cancelled by the
 * agency until it is installed, and by the organisation's administrators while nobody has taken it.
 */
final class RequestLifecycle {

    enum Step {
        TAKE,
        INSTALL,
        SHIP,
        CANCEL
    }

    enum Actor {
        AGENT,
        ADMINISTRATOR
    }

    record Move(RequestStatus from, Step step, RequestStatus to, Set<Actor> by) {}

    static final List<Move> MOVES = List.of(
            new Move(REQUESTED, Step.TAKE, IN_PROGRESS, EnumSet.of(Actor.AGENT)),
            new Move(IN_PROGRESS, Step.INSTALL, INSTALLED, EnumSet.of(Actor.AGENT)),
            new Move(INSTALLED, Step.SHIP, SHIPPED, EnumSet.of(Actor.AGENT)),
            new Move(REQUESTED, Step.CANCEL, CANCELLED, EnumSet.of(Actor.AGENT, Actor.ADMINISTRATOR)),
            new Move(IN_PROGRESS, Step.CANCEL, CANCELLED, EnumSet.of(Actor.AGENT)));

    private RequestLifecycle() {}

    /** Where the step leads from there, if this actor may take it. */
    static Optional<RequestStatus> after(RequestStatus from, Step step, Actor by) {
        return MOVES.stream()
                .filter(m -> m.from() == from && m.step() == step && m.by().contains(by))
                .map(Move::to)
                .findFirst();
    }

    /** The steps this actor may take from there, in the table's order. */
    static List<Step> steps(RequestStatus from, Actor by) {
        return MOVES.stream()
                .filter(m -> m.from() == from && m.by().contains(by))
                .map(Move::step)
                .toList();
    }
}
