package fr.guichet.events;

/**
 * Where a person's registration for a session stands. PENDING waits for his establishment's super
 * admin to agree (when the event asks it) and holds no place; WAITING is on the session's waiting list,
 * in the order of {@code queued_at}; only CONFIRMED holds a place.
 */
enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    WAITING,
    CANCELLED,
    REFUSED;

    public boolean live() {
        return this == PENDING || this == CONFIRMED || this == WAITING;
    }
}
