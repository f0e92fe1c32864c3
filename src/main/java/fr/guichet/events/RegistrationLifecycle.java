package fr.guichet.events;

import static fr.guichet.events.RegistrationStatus.CANCELLED;
import static fr.guichet.events.RegistrationStatus.CONFIRMED;
import static fr.guichet.events.RegistrationStatus.PENDING;
import static fr.guichet.events.RegistrationStatus.REFUSED;
import static fr.guichet.events.RegistrationStatus.WAITING;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The moves of a registration, as a table: what each step may start from and where it leads. Whether
 * a place is free (CONFIRMED) or not (WAITING) is the session's to say, at the moment of the move.
 */
final class RegistrationLifecycle {

    enum Step {
        /** a person registers, or an agent registers him; also a new registration after a cancelled one */
        REGISTER,
        /** his establishment's super admin agrees */
        APPROVE,
        /** his establishment's super admin does not */
        REFUSE,
        /** a place freed up: the first who waits takes it */
        PROMOTE,
        CANCEL
    }

    record Move(Step step, Set<RegistrationStatus> from, Set<RegistrationStatus> to) {}

    static final List<Move> MOVES = List.of(
            new Move(Step.REGISTER, EnumSet.of(CANCELLED, REFUSED), EnumSet.of(PENDING, CONFIRMED, WAITING)),
            new Move(Step.APPROVE, EnumSet.of(PENDING), EnumSet.of(CONFIRMED, WAITING)),
            new Move(Step.REFUSE, EnumSet.of(PENDING), EnumSet.of(REFUSED)),
            new Move(Step.PROMOTE, EnumSet.of(WAITING), EnumSet.of(CONFIRMED)),
            new Move(Step.CANCEL, EnumSet.of(PENDING, CONFIRMED, WAITING), EnumSet.of(CANCELLED)));

    private RegistrationLifecycle() {}

    static boolean allows(Step step, RegistrationStatus from, RegistrationStatus to) {
        return MOVES.stream().anyMatch(m -> m.step() == step && m.from().contains(from) && m.to().contains(to));
    }

    static boolean startsFrom(Step step, RegistrationStatus from) {
        return MOVES.stream().anyMatch(m -> m.step() == step && m.from().contains(from));
    }
}
