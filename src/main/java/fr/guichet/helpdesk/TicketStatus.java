package fr.guichet.helpdesk;

/**
 * The agency's status codes, as its staff and its sites already name them, with the group the
 * requester sees each in and whether the ticket is still open. Which acts lead from one to another
 * is the lifecycle's table.
 */
public enum TicketStatus {
    /** Nouvelle, à affecter: filed, waiting to be dispatched to a team. */
    NEW(DashboardGroup.IN_PROGRESS, true),
    /** En cours de traitement: an agent, a contractor or an expert works on it. */
    ECT(DashboardGroup.IN_PROGRESS, true),
    /** En attente de réponse du site: the agency asked the requester side a question. */
    ARS(DashboardGroup.AWAITING_MY_REPLY, true),
    /** En attente de validation du site: a solution was sent, the requester side validates or refuses it. */
    AVS(DashboardGroup.AWAITING_MY_VALIDATION, true),
    /** En attente de décision: an information or modification request before the decision meeting. */
    ATD(DashboardGroup.AWAITING_DECISION, true),
    /** Développement décidé: the decision meeting accepted the modification. */
    ADV(DashboardGroup.IN_MAINTENANCE, true),
    /** En développement. */
    DEV(DashboardGroup.IN_MAINTENANCE, true),
    /** Prise en compte, en qualification. */
    PEC(DashboardGroup.IN_MAINTENANCE, true),
    /** En recette par le projet: the fix is being tested before delivery. */
    CTR(DashboardGroup.IN_MAINTENANCE, true),
    /** En sommeil: the software was replaced; nothing more will be done. */
    REM(DashboardGroup.IN_MAINTENANCE, true),
    /** Terminée: validated by the site (V) or closed without its validation (N). */
    TER(DashboardGroup.TREATED, false),
    /** Exclue: closed by the agency without a solution. */
    EXC(DashboardGroup.TREATED, false),
    /** Rejetée après décision: the decision meeting said no; the decision is the answer. */
    REJ(DashboardGroup.TREATED, false),
    /** Abandonnée faute de réponse: the site never answered, and the clock closed it. */
    ABN(DashboardGroup.TREATED, false);

    /** Where the requester's dashboard shows a ticket: what it waits for, from his side. */
    public enum DashboardGroup {
        IN_PROGRESS,
        AWAITING_MY_REPLY,
        AWAITING_MY_VALIDATION,
        AWAITING_DECISION,
        IN_MAINTENANCE,
        TREATED
    }

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
