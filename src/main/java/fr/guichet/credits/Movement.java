package fr.guichet.credits;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A line of an organisation's ledger, as it was posted: never changed afterwards. */
public record Movement(
        long id,
        long organizationId,
        Direction direction,
        long amount,
        @Nullable String kindCode,
        LocalDate occurredOn,
        Instant recordedAt,
        String origin,
        String originRef,
        @Nullable String reason,
        @Nullable Long correctsId) {

    static final String AGENT = "agent:";

    static final String SERVICE = "service:";

    public boolean byAgent() {
        return origin.startsWith(AGENT);
    }

    /** The agent's account number, or the connected service's client id. */
    public String poster() {
        return origin.substring(origin.indexOf(':') + 1);
    }

    long signedAmount() {
        return direction.signed(amount);
    }

    /** The same movement posted again: what the poster said is what is recorded. */
    boolean sameAs(NewMovement posted) {
        return direction == posted.direction()
                && amount == posted.amount()
                && java.util.Objects.equals(kindCode, posted.kindCode())
                && occurredOn.equals(posted.occurredOn());
    }
}
