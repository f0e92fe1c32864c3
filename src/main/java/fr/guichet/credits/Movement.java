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
