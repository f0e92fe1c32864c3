package fr.guichet.audit;

/**
 * The trail's only write: {@link AuditTrail#save} appends an entry once, however often the event
 * behind it is delivered.
 */
interface AuditAppend {

    /** Appends the entry unless one with its replay key is already in the trail; returns it as given. */
    AuditEntry save(AuditEntry entry);
}
