package fr.guichet.branding;

/** An organisation has at most one of each: what it is preparing, and what the public sees. */
enum Stage {
    DRAFT,
    PUBLISHED
}
