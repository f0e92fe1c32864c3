package fr.guichet.access;

import fr.guichet.shared.TypedId;

/** An access request's identity (the grant keeps it once accepted). */
public record AccessRequestId(long value) implements TypedId {}
