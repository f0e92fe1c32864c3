package fr.guichet.helpdesk;

import fr.guichet.shared.TypedId;

/** An agency team tickets are dispatched to (level 1, an application's experts…). */
public record TeamId(long value) implements TypedId {}
