package fr.guichet.credits;

/** Which way a movement goes: credits acquired, or credits consumed. */
public enum Direction {
    CREDIT,
    DEBIT;

    long signed(long amount) {
        return this == CREDIT ? amount : -amount;
    }

    Direction opposite() {
        return this == CREDIT ? DEBIT : CREDIT;
    }
}
