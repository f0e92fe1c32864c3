package fr.guichet.statistics;

/**
 * The names of what is counted, as the daily counts store them. Ticket counts by status, nature,
 * priority and product are those of the tickets filed that day, as they stand now: a change moves
 * the ticket from one dimension to another on its filing day. Reply and resolution counts fall on
 * the day of the reply or the closure.
 */
final class Metrics {

    static final String NO_DIMENSION = "";

    /** For a ticket not qualified yet (no priority, no nature) or of no product. */
    static final String NONE = "NONE";

    static final String ACCESS_REQUESTED = "access-requests.made";
    static final String ACCESS_GRANTED = "access-requests.granted";
    /** By ACCEPTED or REFUSED: a decider's decisions (an open service's grant is nobody's). */
    static final String ACCESS_DECIDED = "access-requests.decided";

    static final String TICKETS_FILED = "tickets.filed";
    static final String TICKETS_BY_STATUS = "tickets.status";
    static final String TICKETS_BY_NATURE = "tickets.nature";
    static final String TICKETS_BY_PRIORITY = "tickets.priority";
    static final String TICKETS_BY_PRODUCT = "tickets.product";

    static final String FIRST_REPLIES = "replies.count";
    static final String FIRST_REPLY_DAYS = "replies.days";
    static final String FIRST_REPLIES_IN_TIME = "replies.in-time";
    static final String RESOLUTIONS = "resolutions.count";
    static final String RESOLUTION_DAYS = "resolutions.days";

    static final String SIGN_INS = "sign-ins";

    private Metrics() {}
}
