package fr.guichet.changes;

/** Where a change request stands: waiting for the agency, or decided. */
public enum ChangeStatus {
    PENDING,
    VALIDATED,
    REFUSED;

    public boolean decided() {
        return this != PENDING;
    }
}
