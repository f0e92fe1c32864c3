package fr.guichet.helpdesk;

/** Who acts on a ticket, with the letter the lifecycle's table gives each: R, A, C, S. */
public enum Actor {
    /** R: the filer and, for a level-2 ticket, every correspondent of his establishment for the product. */
    REQUESTER,
    /** A: an agent of the handling team. */
    AGENT,
    /** C: an agent of the contractor company the ticket is handed to. */
    CONTRACTOR,
    /** S: the scheduled job of the business-day clock. */
    SYSTEM
}
