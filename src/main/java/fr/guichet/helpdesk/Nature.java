package fr.guichet.helpdesk;

/** Functional or technical: it routes the ticket. */
public enum Nature {
    FUNCTIONAL,
    TECHNICAL
}
