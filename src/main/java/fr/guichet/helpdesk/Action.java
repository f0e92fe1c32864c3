package fr.guichet.helpdesk;

/**
 * What someone does to a ticket, and what the act must carry. Names say the act; the lifecycle's
 * table says from which states, by whom, and where it leads.
 */
public enum Action {
    FILE(Requirement.NONE),
    FILE_ON_BEHALF(Requirement.NONE),
    DISPATCH(Requirement.NONE),
    TAKE(Requirement.NONE),
    HAND_TO_CONTRACTOR(Requirement.NONE),
    TAKE_BACK(Requirement.NONE),
    CONTRACTOR_ANSWER(Requirement.TEXT),
    VALIDATE_CONTRACTOR_ANSWER(Requirement.NONE),
    RETURN_TO_CONTRACTOR(Requirement.REASON),
    ASK_EXPERT(Requirement.NONE),
    EXPERT_ANSWERED(Requirement.TEXT),
    ASK_SITE(Requirement.TEXT),
    SITE_ANSWERS(Requirement.TEXT),
    ABANDON(Requirement.NONE),
    SEND_SOLUTION(Requirement.TEXT),
    VALIDATE_SOLUTION(Requirement.NONE),
    REFUSE_SOLUTION(Requirement.REASON),
    CLOSE_WITHOUT_VALIDATION(Requirement.NONE),
    PUT_TO_DECISION(Requirement.NONE),
    DECIDE_DEVELOPMENT(Requirement.NONE),
    DECIDE_ANSWER(Requirement.TEXT),
    DECIDE_REJECTION(Requirement.REASON),
    PLAN(Requirement.VERSION),
    START_DEVELOPMENT(Requirement.NONE),
    SUSPEND_DEVELOPMENT(Requirement.NONE),
    RESUME_DEVELOPMENT(Requirement.NONE),
    FINISH_DEVELOPMENT(Requirement.NONE),
    DELIVER_TO_QUALIFICATION(Requirement.NONE),
    START_QUALIFICATION(Requirement.NONE),
    DOCUMENTATION_TO_UPDATE(Requirement.NONE),
    QUALIFIED(Requirement.NONE),
    START_ACCEPTANCE(Requirement.NONE),
    TEST_ACCEPTANCE(Requirement.NONE),
    ACCEPTED(Requirement.NONE),
    SOLUTION_FIXED_IN_VERSION(Requirement.VERSION),
    EXCLUDE(Requirement.REASON),
    PARK(Requirement.NONE),
    RESUME_WORK(Requirement.NONE),
    // acts outside the table: they keep the state, while the ticket is open
    COMPLEMENT(Requirement.TEXT),
    REQUALIFY(Requirement.NONE),
    LINK(Requirement.NONE),
    PUSH_DEADLINES(Requirement.NONE);

    /** What the act must carry besides who and when. */
    public enum Requirement {
        NONE,
        TEXT,
        REASON,
        VERSION
    }

    private final Requirement requirement;

    Action(Requirement requirement) {
        this.requirement = requirement;
    }

    public Requirement requirement() {
        return requirement;
    }
}
