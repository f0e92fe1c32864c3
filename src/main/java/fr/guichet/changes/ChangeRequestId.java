package fr.guichet.changes;

import fr.guichet.shared.TypedId;

/** A change request's number, as its requester and the agency quote it. */
public record ChangeRequestId(long value) implements TypedId {}
