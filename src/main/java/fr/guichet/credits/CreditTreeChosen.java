package fr.guichet.credits;

import java.time.Instant;

/** Whether an establishment's sub-organisations keep balances of their own, or draw on its. */
public record CreditTreeChosen(
        long actorId, long establishmentId, boolean separate, String sourceAddress, Instant at) {}
