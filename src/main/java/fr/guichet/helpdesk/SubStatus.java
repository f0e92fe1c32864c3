package fr.guichet.helpdesk;

/** The agency's sub-status codes, which say more of a status; which belong to which status is the lifecycle's table. */
public enum SubStatus {
    /** NEW: filed by a correspondent, no team yet. */
    FA,
    /** NEW: filed by an agent on behalf of a site (VSR, VA). */
    VSR,
    VA,
    /** ECT: handled by an agency consultant, a contractor, an internal expert; contractor's answer awaiting the agency. */
    INT,
    EXT,
    EXP,
    AVA,
    /** ATD: information request, modification request. */
    INF,
    DMF,
    /** DEV, PEC, CTR: planned / in qualification, in progress, suspended, done, documentation to update. */
    INI,
    EC,
    SUS,
    CLO,
    TND,
    /** TER: validated by the site, or closed without validation. */
    V,
    N
}
