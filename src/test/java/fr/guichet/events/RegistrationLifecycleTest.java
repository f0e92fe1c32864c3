package fr.guichet.events;

import static fr.guichet.events.RegistrationLifecycle.Step.APPROVE;
import static fr.guichet.events.RegistrationLifecycle.Step.CANCEL;
import static fr.guichet.events.RegistrationLifecycle.Step.PROMOTE;
import static fr.guichet.events.RegistrationLifecycle.Step.REFUSE;
import static fr.guichet.events.RegistrationLifecycle.Step.REGISTER;
import static fr.guichet.events.RegistrationStatus.CANCELLED;
import static fr.guichet.events.RegistrationStatus.CONFIRMED;
import static fr.guichet.events.RegistrationStatus.PENDING;
import static fr.guichet.events.RegistrationStatus.REFUSED;
import static fr.guichet.events.RegistrationStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every step from every status to every status against the moves written out as a reader checks them:
 * anything not listed here is refused.
 */
class RegistrationLifecycleTest {

    record Allowed(RegistrationLifecycle.Step step, RegistrationStatus from, RegistrationStatus to) {}

    static final List<Allowed> ALLOWED = List.of(
            // registering again after a cancellation or a refusal; what it becomes is the session's to say
            new Allowed(REGISTER, CANCELLED, PENDING),
            new Allowed(REGISTER, CANCELLED, CONFIRMED),
            new Allowed(REGISTER, CANCELLED, WAITING),
            new Allowed(REGISTER, REFUSED, PENDING),
            new Allowed(REGISTER, REFUSED, CONFIRMED),
            new Allowed(REGISTER, REFUSED, WAITING),
            // the establishment agrees: a place or the waiting list; or it does not
            new Allowed(APPROVE, PENDING, CONFIRMED),
            new Allowed(APPROVE, PENDING, WAITING),
            new Allowed(REFUSE, PENDING, REFUSED),
            // a place freed up: only someone waiting takes it
            new Allowed(PROMOTE, WAITING, CONFIRMED),
            // anything live can be cancelled, nothing else
            new Allowed(CANCEL, PENDING, CANCELLED),
            new Allowed(CANCEL, CONFIRMED, CANCELLED),
            new Allowed(CANCEL, WAITING, CANCELLED));

    @Test
    void theTableAllowsExactlyTheMovesAReaderExpects() {
        var mismatches = new ArrayList<String>();
        for (var step : RegistrationLifecycle.Step.values()) {
            for (var from : RegistrationStatus.values()) {
                for (var to : RegistrationStatus.values()) {
                    var expected = ALLOWED.contains(new Allowed(step, from, to));
                    if (RegistrationLifecycle.allows(step, from, to) != expected) {
                        mismatches.add(step + " " + from + " -> " + to + " expected " + expected);
                    }
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void onlyPlacesHeldOrAskedForAreLive() {
        assertThat(List.of(RegistrationStatus.values()).stream().filter(RegistrationStatus::live))
                .containsExactlyInAnyOrder(PENDING, CONFIRMED, WAITING);
        assertThat(RegistrationLifecycle.startsFrom(CANCEL, CANCELLED)).isFalse();
        assertThat(RegistrationLifecycle.startsFrom(PROMOTE, PENDING)).isFalse();
    }
}
