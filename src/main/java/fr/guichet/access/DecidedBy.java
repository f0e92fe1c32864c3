package fr.guichet.access;

/** Who decides access to a service. */
public enum DecidedBy {
    /** The requester's establishment's super admins, and nobody else: not the agency, not a platform admin. */
    SUPER_ADMINS,
    /** The agency's staff, in its own queue. */
    AGENCY,
    /** Open to every confirmed member: asking grants at once. */
    NOBODY
}
