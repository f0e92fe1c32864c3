package fr.guichet.helpdesk;

/**
 * What a ticket is in the public knowledge base. Only a category that publishes gives anything; from
 * one, a ticket closed and validated by its site (TER/V) is a solution others may reuse, one under
 * decision or in maintenance (ATD, ADV, DEV, PEC, CTR) a known issue, a rejection (REJ) a decision
 * worth knowing. Nothing else is published: an open ticket is not an answer yet, and a ticket closed
 * without validation, abandoned or excluded answers nobody's question.
 */
public enum Publication {
    NONE,
    SOLVED,
    KNOWN_ISSUE,
    REJECTED;

    public static Publication of(TicketState state, boolean categoryPublishes) {
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
