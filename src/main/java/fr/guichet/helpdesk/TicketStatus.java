package fr.guichet.helpdesk;

/** The agency's status codes (seed 001), with where the requester sees each and what it means for the rest. */
public enum TicketStatus {
    NEW(DashboardGroup.IN_PROGRESS, true),
    ECT(DashboardGroup.IN_PROGRESS, true),
    ARS(DashboardGroup.AWAITING_MY_REPLY, true),
    AVS(DashboardGroup.AWAITING_MY_VALIDATION, true),
    ATD(DashboardGroup.AWAITING_DECISION, true),
    ADV(DashboardGroup.IN_MAINTENANCE, true),
    DEV(DashboardGroup.IN_MAINTENANCE, true),
    PEC(DashboardGroup.IN_MAINTENANCE, true),
    CTR(DashboardGroup.IN_MAINTENANCE, true),
    REM(DashboardGroup.IN_MAINTENANCE, true),
    TER(DashboardGroup.TREATED, false),
    EXC(DashboardGroup.TREATED, false),
    REJ(DashboardGroup.TREATED, false),
    ABN(DashboardGroup.TREATED, false);

    /** The requester's dashboard groups (DESIGN.md §3). */
    public enum DashboardGroup { IN_PROGRESS, AWAITING_MY_REPLY, AWAITING_MY_VALIDATION, AWAITING_DECISION, IN_MAINTENANCE, TREATED }

    private final DashboardGroup group;
    private final boolean open;

    TicketStatus(DashboardGroup group, boolean open) {
        this.group = group;
        this.open = open;
    }

    public DashboardGroup group() {
        return group;
    }

    /** Closed tickets (TER, EXC, REJ, ABN) never reopen: a follow-up is a new, linked ticket. */
    public boolean open() {
        return open;
    }

    /** Under decision or in maintenance: published in the knowledge base as a known issue. */
    public boolean knownIssue() {
        return this == ATD || this == ADV || this == DEV || this == PEC || this == CTR;
    }
}
