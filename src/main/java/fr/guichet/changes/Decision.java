package fr.guichet.changes;

/**
 * The decisions on a pending request, as a table: what each leads to, whether it needs a reason,
 * and whether an agent takes it or the portal itself (when the data changed since the request, the
 * request no longer says what it would change: applying it would overwrite the newer data).
 */
enum Decision {
    VALIDATE(ChangeStatus.VALIDATED, false, false),
    REFUSE(ChangeStatus.REFUSED, true, false),
    OUTDATED(ChangeStatus.REFUSED, false, true);

    private final ChangeStatus leadsTo;
    private final boolean needsReason;
    private final boolean bySystem;

    Decision(ChangeStatus leadsTo, boolean needsReason, boolean bySystem) {
        this.leadsTo = leadsTo;
        this.needsReason = needsReason;
        this.bySystem = bySystem;
    }

    ChangeStatus leadsTo() {
        return leadsTo;
    }

    boolean needsReason() {
        return needsReason;
    }

    boolean bySystem() {
        return bySystem;
    }
}
