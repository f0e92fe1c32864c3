package fr.guichet.helpdesk;

import fr.guichet.shared.TypedId;

/** A category of the request tree: where a ticket is filed, which decides its form and first team. */
public record CategoryId(long value) implements TypedId {}
