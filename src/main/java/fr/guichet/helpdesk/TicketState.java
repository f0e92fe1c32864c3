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

    @Override
    public String toString() {
        return sub == null ? status.name() : status + "/" + sub;
    }
}
