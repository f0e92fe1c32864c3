package fr.guichet.access;

/** An access request's identity (the grant keeps it once accepted). */
public record AccessRequestId(long value) {
}
