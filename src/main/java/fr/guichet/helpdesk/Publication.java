package fr.guichet.helpdesk;

/**
 * What a ticket is in the public knowledge base (DESIGN.md §3, "in the public KB?"): a validated
 * solution, a known issue under decision or in maintenance, a rejection with its decision — or
 * nothing (open, closed without validation, abandoned, excluded, or from a category that does not
 * publish).
 */
public enum Publication {
    NONE, SOLVED, KNOWN_ISSUE, REJECTED;

    static Publication of(TicketState state, boolean categoryPublishes) {
        if (!categoryPublishes) {
            return NONE;
        }
        if (state.status() == TicketStatus.TER) {
            return state.sub() == SubStatus.V ? SOLVED : NONE;
        }
        if (state.status() == TicketStatus.REJ) {
            return REJECTED;
        }
        return state.status().knownIssue() ? KNOWN_ISSUE : NONE;
    }

    public boolean published() {
        return this != NONE;
    }
}
