package fr.guichet.helpdesk;

/** "Bloquant" means a business process cannot be completed; everything else is non-blocking. */
public enum Priority {
    BLOCKING,
    NON_BLOCKING
}
