package fr.guichet.access;

/** Who decides access to a service (DESIGN.md §2, access). */
public enum DecidedBy {
    /** The requester's establishment's super admins, and nobody else (seed 000). */
    SUPER_ADMINS,
    /** The agency's staff, in its own queue. */
    AGENCY,
    /** Open to every confirmed member: asking grants at once. */
    NOBODY
}
