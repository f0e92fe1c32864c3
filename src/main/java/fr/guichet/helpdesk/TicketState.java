package fr.guichet.helpdesk;

/** A status and its optional sub-status, e.g. ECT/INT. */
public record TicketState(TicketStatus status, SubStatus sub) {

    public TicketState {
        if (status == null) {
            throw new IllegalArgumentException("a state has a status");
        }
    }

    public static TicketState of(TicketStatus status) {
        return new TicketState(status, null);
    }

    public static TicketState of(TicketStatus status, SubStatus sub) {
        return new TicketState(status, sub);
    }

    /** A state as {@link #toString()} writes it ("ECT/INT"); an unknown code is refused. */
    public static TicketState parse(String code) {
        var parts = code.split("/", 2);
        return new TicketState(TicketStatus.valueOf(parts[0]), parts.length > 1 ? SubStatus.valueOf(parts[1]) : null);
    }

    /**
     * The message key of what this state means. The requester side reads a state that waits for
     * it as addressed to him ("awaiting your validation"); everyone else reads it about the site.
     */
    public String meaningKey(boolean requesterSide) {
        var key = "helpdesk.state." + status + (sub == null ? "" : "." + sub);
        return requesterSide && waitsForSite() ? key + ".yours" : key;
    }

    /** The ticket waits for its requester's side: an answer, or his validation of the solution. */
    public boolean waitsForSite() {
        return status.group() == TicketStatus.DashboardGroup.AWAITING_MY_REPLY
                || status.group() == TicketStatus.DashboardGroup.AWAITING_MY_VALIDATION;
    }

    @Override
    public String toString() {
        return sub == null ? status.name() : status + "/" + sub;
    }
}
