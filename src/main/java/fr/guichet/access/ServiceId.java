package fr.guichet.access;

import fr.guichet.shared.TypedId;

/** A catalogue service's identity. */
public record ServiceId(long value) implements TypedId {}
